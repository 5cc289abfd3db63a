// The library's plugin entry points: its API version and the classes Poco::ClassLoader may create.
#include <Poco/ClassLibrary.h>

#include "odbc_connector.h"

CREDITLENS_EXPORT_PLUGIN_API_VERSION()

POCO_BEGIN_MANIFEST(creditlens::SourceConnector)
POCO_EXPORT_CLASS(creditlens::odbc::OdbcConnector)
POCO_END_MANIFEST
