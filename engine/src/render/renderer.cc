#include "render/renderer.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

#include "render/block_painter.h"
#include "render/cairo_ptr.h"
#include "render/canvas.h"
#include "render/logo.h"
#include "render/page_chrome.h"
#include "render/page_flow.h"
#include "render/theme.h"
#include "util/atomic_file.h"

namespace creditlens::render {
namespace {

constexpr double kPngScale = 2.0;          // device pixels per point in PNG output
constexpr double kImageBottomMargin = 28;  // below the last block of a PNG or SVG
constexpr double kFooterAboveEdge = 22;    // from the footer's baseline band to the page's bottom edge

// What is being drawn, for error messages: the target path, or "the PDF" when drawing to memory.
[[noreturn]] void Fail(const std::string& what, const std::string& status) {
  throw std::runtime_error("cannot render " + what + ": cairo status: " + status);
}

void Check(const std::string& what, cairo_status_t status) {
  if (status != CAIRO_STATUS_SUCCESS) Fail(what, cairo_status_to_string(status));
}

// cairo's stream callback: appends to the std::string behind closure.
cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Block heights, where each block goes, and the header's height: everything drawing needs to know
// before the target surface exists (a PNG's or SVG's height, the PDF's page count).
struct DocumentPlan {
  Flow flow;
  std::vector<BlockGeometry> geometry;  // one per block, for drawing it
  double image_height = 0;              // for one-page output
};

DocumentPlan PlanDocument(const Document& doc, const Logo& logo, bool paged) {
  // Measuring needs a cairo context but draws nothing: a recording surface is the cheapest one.
  const SurfacePtr scratch(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
  const ContextPtr cr(cairo_create(scratch.get()));
  const Canvas canvas(cr.get(), doc.theme);
  const double content_width = doc.page.ContentWidth();

  DocumentPlan plan;
  std::vector<FlowBlock> blocks;
  blocks.reserve(doc.blocks.size());
  plan.geometry.reserve(doc.blocks.size());
  for (const Block& block : doc.blocks) {
    MeasuredBlock measured = MeasureBlock(canvas, block, content_width);
    blocks.push_back(std::move(measured.flow));
    plan.geometry.push_back(std::move(measured.geometry));
  }
  FlowPage page;
  page.first_page_top = theme::kMarginTop + MeasureHeader(canvas, doc, logo, content_width);
  page.page_top = theme::kMarginTop;
  page.page_bottom = paged ? doc.page.height - theme::kMarginBottom : std::numeric_limits<double>::infinity();

  plan.flow = FlowBlocks(blocks, page);
  plan.image_height = std::ceil(plan.flow.last_page_bottom + kImageBottomMargin);
  return plan;
}

// The one drawing path for every format: header, blocks (or parts of split blocks) page by page, and
// for paged output a footer on each page and a page break after it.
void DrawDocument(cairo_t* cr, const Document& doc, const Logo& logo, const DocumentPlan& plan, bool paged) {
  const Canvas canvas(cr, doc.theme);
  const double content_width = doc.page.ContentWidth();
  const int page_count = plan.flow.page_count;
  const std::vector<FlowPlacement>& placements = plan.flow.placements;
  std::size_t next = 0;
  for (int page = 0; page < page_count; ++page) {
    if (page == 0) DrawHeader(canvas, doc, logo, theme::kMarginX, theme::kMarginTop, content_width);
    for (; next < placements.size() && placements[next].page == page; ++next) {
      const FlowPlacement& placement = placements[next];
      DrawBlock(canvas, doc.blocks[placement.block], plan.geometry[placement.block], placement,
                theme::kMarginX, content_width);
    }
    if (paged) {
      DrawFooter(canvas, doc, page + 1, page_count, theme::kMarginX, doc.page.height - kFooterAboveEdge,
                 content_width);
      cairo_show_page(cr);
    }
  }
}

void PaintWhite(cairo_t* cr) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_restore(cr);
}

void RenderPdf(const Document& doc, const Logo& logo, const std::string& what, std::string& out) {
  const DocumentPlan plan = PlanDocument(doc, logo, /*paged=*/true);
  const SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendBytes, &out, doc.page.width, doc.page.height));
  Check(what, cairo_surface_status(surface.get()));
  // cairo rejects invalid UTF-8 in metadata (and would fail the whole document): repair it first.
  const GCharPtr title(g_utf8_make_valid(doc.title.data(), static_cast<gssize>(doc.title.size())));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.get());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "creditlens");
  {
    const ContextPtr cr(cairo_create(surface.get()));
    DrawDocument(cr.get(), doc, logo, plan, /*paged=*/true);
    Check(what, cairo_status(cr.get()));
  }
  cairo_surface_finish(surface.get());
  Check(what, cairo_surface_status(surface.get()));
}

void RenderSvg(const Document& doc, const Logo& logo, const std::string& what, std::string& out) {
  const DocumentPlan plan = PlanDocument(doc, logo, /*paged=*/false);
  const SurfacePtr surface(
      cairo_svg_surface_create_for_stream(AppendBytes, &out, doc.page.width, plan.image_height));
  Check(what, cairo_surface_status(surface.get()));
  cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
  {
    const ContextPtr cr(cairo_create(surface.get()));
    PaintWhite(cr.get());
    DrawDocument(cr.get(), doc, logo, plan, /*paged=*/false);
    Check(what, cairo_status(cr.get()));
  }
  cairo_surface_finish(surface.get());
  Check(what, cairo_surface_status(surface.get()));
}

void RenderPng(const Document& doc, const Logo& logo, const std::string& what, std::string& out) {
  const DocumentPlan plan = PlanDocument(doc, logo, /*paged=*/false);
  const int width = static_cast<int>(std::lround(doc.page.width * kPngScale));
  const int height = static_cast<int>(std::lround(plan.image_height * kPngScale));
  const SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  Check(what, cairo_surface_status(surface.get()));
  {
    const ContextPtr cr(cairo_create(surface.get()));
    PaintWhite(cr.get());
    cairo_scale(cr.get(), kPngScale, kPngScale);
    DrawDocument(cr.get(), doc, logo, plan, /*paged=*/false);
    Check(what, cairo_status(cr.get()));
  }
  cairo_surface_flush(surface.get());
  Check(what, cairo_surface_write_to_png_stream(surface.get(), AppendBytes, &out));
}

}  // namespace

std::string RenderDocumentBytes(const Document& doc, ImageFormat format) {
  const Logo logo(doc.theme.logo);
  std::string out;
  switch (format) {
    case ImageFormat::kPdf:
      RenderPdf(doc, logo, "the PDF", out);
      break;
    case ImageFormat::kSvg:
      RenderSvg(doc, logo, "the SVG", out);
      break;
    case ImageFormat::kPng:
      RenderPng(doc, logo, "the PNG", out);
      break;
  }
  return out;
}

void RenderDocument(const Document& doc, const std::string& path, ImageFormat format) {
  const std::string bytes = [&] {
    try {
      return RenderDocumentBytes(doc, format);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(path + ": " + e.what());
    }
  }();
  util::WriteFileAtomically(path, bytes);
}

}  // namespace creditlens::render
