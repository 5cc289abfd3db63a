// The projection report a billing manager sends a teammate: what was assumed, then per scenario the
// projected credits and when included and prepaid credits run out, a chart of actual and projected
// usage, the billing cycles, the features, and what the P10-P90 range would cost. Several scenarios
// open with a comparison; each scenario after the first starts a new page in a PDF.
#pragma once

#include "projection/projection_result.h"
#include "render/document.h"

namespace creditlens::projection {

render::Document ProjectionDocument(const Projection& projection);

}  // namespace creditlens::projection
