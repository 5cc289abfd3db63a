// The library's plugin entry points: its API version and the deliverers Poco::ClassLoader may create.
#include <Poco/ClassLibrary.h>

#include "webhook_deliverer.h"

CREDITLENS_EXPORT_PLUGIN_API_VERSION()

POCO_BEGIN_NAMED_MANIFEST(Deliverer, creditlens::Deliverer)
POCO_EXPORT_CLASS(creditlens::webhook::WebhookDeliverer)
POCO_END_MANIFEST
