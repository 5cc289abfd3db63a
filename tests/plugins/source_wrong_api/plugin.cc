// A plugin built for another plugin API version: the registry must refuse it by name.
extern "C" __attribute__((visibility("default"))) int creditlens_plugin_api_version() { return 999; }
