"""The presentation part of the report API end to end: line and area charts, reference lines and
notes, page size and orientation, the theme (palette, text colour, font, logo), sections and grids.
Reports are written into a temporary folder, run with the real binary over a generated store, and
read back with poppler-utils (pdfinfo, pdffonts, pdfimages, pdftotext), the JSON export and the
pixels of the PNG output."""
import os
import re
import subprocess
import unittest
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from png_image import read_pixels, write_png
from support import GeneratedStoreTest, load_json, run, temp_dir

AS_OF = date(2026, 11, 21)
FIRST = AS_OF - timedelta(days=29)

DATA = f"""
  data = {{
    daily = cl.usage {{ by = "day", range = cl.between("{FIRST}", "{AS_OF}"), group = "category", top = 2 }},
    total = cl.usage {{ by = "day", range = cl.between("{FIRST}", "{AS_OF}") }},
    weekly = cl.usage {{ by = "week", group = "category", range = cl.last_days(28) }},
    by_cat = cl.usage {{ by = "category", range = cl.between("{FIRST}", "{AS_OF}") }},
  }},"""


def poppler(tool, *args):
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True).stdout


def page_texts(pdf):
    pages = poppler("pdftotext", "-layout", pdf, "-").split("\f")
    return [p for p in pages if p.strip()]


def numbers_in(text):
    """The plain numbers of a text (tick labels), not dates or words."""
    return [Decimal(t.replace(",", "")) for t in re.findall(r"(?<![\w.:-])\d[\d,]*(?:\.\d+)?(?![\w.:-])", text)]


class PresentationTest(GeneratedStoreTest):
    EVENTS = 12000
    SEED = 21

    def write_report(self, blocks, directory=None, title="Presentation"):
        directory = directory or temp_dir(self)
        path = os.path.join(directory, "report.lua")
        with open(path, "w") as f:
            f.write(f'local cl = require "creditlens"\nreturn cl.report {{ title = "{title}",{DATA}\n'
                    f'  layout = function(d, ctx) return {{\n{blocks}\n  }} end,\n}}\n')
        return path

    def render(self, report, name="out.pdf", check=True):
        out = os.path.join(os.path.dirname(report), name)
        result = run("report", report, "--store", self.store, "--as-of", AS_OF.isoformat(), "-o", out, check=check)
        return out, result

    def export(self, report):
        return load_json(run("report", report, "--store", self.store, "--as-of", AS_OF.isoformat(),
                             "--format", "json").stdout)

    def daily_totals(self):
        sums = Counter()
        for e in self.events:
            day = e["ts"].date()
            if FIRST <= day <= AS_OF:
                sums[day.isoformat()] += e["credits"]
        return [sums.get((FIRST + timedelta(days=i)).isoformat(), Decimal(0)) for i in range(30)]

    # --- line and area charts, reference lines, notes ---------------------------------------------

    def test_line_and_area_charts_draw_titles_reference_lines_and_notes(self):
        report = self.write_report(f"""
      cl.line {{ d.daily, title = "Daily credits by category", line = 4, line_label = "daily allowance",
                 lines = {{ {{ value = 9, label = "hard limit" }} }},
                 notes = {{ {{ at = "{AS_OF - timedelta(days=10)}", text = "price change" }} }} }},
      cl.area {{ d.daily, title = "Stacked daily credits", stacked = true,
                 notes = {{ {{ at = "{FIRST}", text = "first day" }} }} }},
      cl.area {{ d.total, title = "All credits per day" }},""")
        pdf, _ = self.render(report)
        text = poppler("pdftotext", "-layout", pdf, "-")
        for expected in ["Daily credits by category", "Stacked daily credits", "All credits per day",
                         "daily allowance: 4", "hard limit: 9", "price change", "first day"]:
            self.assertIn(expected, text)
        exported = self.export(report)
        self.assertEqual(exported["datasets"]["total"]["series"][0]["values"], self.daily_totals())
        self.assertEqual(exported["datasets"]["total"]["buckets"],
                         [(FIRST + timedelta(days=i)).isoformat() for i in range(30)])

    def test_stacked_bars_stack_on_one_axis(self):
        directory = temp_dir(self)
        weekly = self.export(self.write_report("cl.bar { d.weekly }", directory))["datasets"]["weekly"]
        stack_heights = [sum(values) for values in zip(*(s["values"] for s in weekly["series"]))]
        tallest_single = max(max(s["values"]) for s in weekly["series"])
        self.assertLess(tallest_single * Decimal("1.25"), max(stack_heights), "the data must tell the two apart")
        for stacked in ["true", "false"]:
            pdf, _ = self.render(self.write_report(f'cl.bar {{ d.weekly, title = "Weekly", stacked = {stacked} }}',
                                                   temp_dir(self)))
            top_tick = max(numbers_in(poppler("pdftotext", "-layout", pdf, "-")))
            if stacked == "true":
                self.assertGreaterEqual(top_tick, max(stack_heights), "the axis covers the tallest stack")
            else:
                self.assertLess(top_tick, max(stack_heights), "grouped bars only need the tallest bar")
                self.assertGreaterEqual(top_tick, tallest_single)

    def test_hbar_and_bar_take_reference_lines_and_notes_at_categories(self):
        labels = [s["label"] for s in self.export(self.write_report("cl.pie { d.by_cat }"))["datasets"]["by_cat"]["series"]]
        pdf, _ = self.render(self.write_report(f"""
      cl.hbar {{ d.by_cat, title = "By category", lines = {{ {{ value = 20, label = "budget" }}, {{ value = 40 }} }},
                 notes = {{ {{ at = "{labels[1]}", text = "under review" }} }} }},
      cl.bar {{ d.weekly, title = "Weekly", stacked = true, lines = {{ {{ value = 30, label = "weekly cap" }} }} }},"""))
        text = poppler("pdftotext", "-layout", pdf, "-")
        for expected in ["budget: 20", "40", "under review", "weekly cap: 30"]:
            self.assertIn(expected, text)

    # --- page setup ----------------------------------------------------------------------------------

    def test_page_size_and_orientation(self):
        cases = {"": "595 x 842", 'cl.page { size = "Letter" },': "612 x 792",
                 'cl.page { size = "letter", orientation = "landscape" },': "792 x 612",
                 'cl.page { orientation = "landscape" },': "842 x 595"}
        for block, size in cases.items():
            pdf, _ = self.render(self.write_report(block + '\n      cl.line { d.total, title = "Daily" },'))
            info = poppler("pdfinfo", pdf)
            self.assertRegex(info, rf"Page size:\s+{size} pts", block)
            self.assertIn("Daily", poppler("pdftotext", pdf, "-"))

    # --- theme ---------------------------------------------------------------------------------------

    def test_theme_font_logo_and_colours(self):
        directory = temp_dir(self)
        os.makedirs(os.path.join(directory, "assets"))
        write_png(os.path.join(directory, "assets", "logo.png"), 150, 50, (20, 160, 90))
        report = self.write_report("""
      cl.theme { colors = { "#CC0000", "#0000CC", "#00CC00" }, text = "#AA00AA", font = "DejaVu Serif",
                 logo = "assets/logo.png" },
      cl.bar { d.weekly, title = "Weekly usage", stacked = true },""", directory)
        pdf, _ = self.render(report)
        fonts = poppler("pdffonts", pdf)
        self.assertIn("DejaVuSerif", fonts)
        self.assertNotIn("DejaVuSans", fonts)
        images = poppler("pdfimages", "-list", pdf).splitlines()[2:]
        self.assertEqual(len(images), 1, images)
        self.assertEqual(images[0].split()[:5], ["1", "0", "image", "150", "50"])

        png, _ = self.render(report, "out.png")
        width, _, pixels = read_pixels(png)
        self.assertEqual(width, 2 * 595)
        counts = Counter(pixels)
        self.assertGreater(counts[(0xCC, 0x00, 0x00)], 500, "the first series colour fills bars")
        self.assertGreater(counts[(0x00, 0x00, 0xCC)], 500, "the second series colour fills bars")
        self.assertGreater(counts[(0xAA, 0x00, 0xAA)], 20, "the text colour draws the title")
        self.assertGreater(counts[(20, 160, 90)], 150 * 50, "the logo is drawn")
        self.assertEqual(counts[(0x00, 0x72, 0xB2)], 0, "the default palette is replaced")

    def test_default_look_is_unchanged(self):
        png, _ = self.render(self.write_report('cl.bar { d.total, title = "Daily" },'), "out.png")
        counts = Counter(read_pixels(png)[2])
        self.assertGreater(counts[(0x00, 0x72, 0xB2)], 500, "bars in the default blue")
        fonts = poppler("pdffonts", self.render(self.write_report('cl.text("x"),'))[0])
        self.assertIn("DejaVuSans", fonts)

    # --- sections and grids --------------------------------------------------------------------------

    def test_sections_start_pages_and_grids_place_blocks_side_by_side(self):
        report = self.write_report("""
      cl.text("Opening words."),
      cl.section { title = "Usage", new_page = true,
        cl.grid { columns = 2,
          cl.pie { d.by_cat, title = "Left pie" },
          cl.donut { d.by_cat, title = "Right donut" },
          cl.kpis { { label = "Grid total", value = d.by_cat.total } },
        },
      },
      cl.section { title = "Trend", new_page = true, cl.line { d.total, title = "Daily line" } },""")
        pdf, _ = self.render(report)
        pages = page_texts(pdf)
        self.assertIn("Opening words.", pages[0])
        self.assertNotIn("Usage", pages[0])
        self.assertIn("Usage", pages[1])
        self.assertTrue(any(re.search(r"Left pie\s+Right donut", line) for line in pages[1].splitlines()),
                        "the grid's first row holds both charts side by side")
        self.assertIn("Grid total", pages[1])
        self.assertEqual(len(pages), 3)
        self.assertIn("Trend", pages[2])
        self.assertNotIn("Trend", pages[1])
        exported = self.export(report)
        total = exported["datasets"]["by_cat"]["total"]
        self.assertEqual([(k["label"], k["value"]) for k in exported["kpis"]], [("Grid total", total)])
        self.assertEqual(total, sum((e["credits"] for e in self.events if FIRST <= e["ts"].date() <= AS_OF),
                                    Decimal(0)))

    def test_grid_rows_flow_across_pages(self):
        cells = ",\n".join(f'cl.pie {{ d.by_cat, title = "Pie {i}" }}' for i in range(1, 13))
        pdf, _ = self.render(self.write_report(f"cl.grid {{ columns = 2, {cells} }},"))
        pages = page_texts(pdf)
        self.assertGreaterEqual(len(pages), 2)
        text = "".join(pages)
        for i in range(1, 13):
            self.assertEqual(len(re.findall(rf"Pie {i}\b", text)), 1, f"Pie {i} is drawn once")
        drawn_on = lambda i: [n for n, page in enumerate(pages) if re.search(rf"Pie {i}\b", page)]
        for i in range(1, 13, 2):  # a row is never split: both cells of a row are on the same page
            self.assertEqual(drawn_on(i), drawn_on(i + 1))
        self.assertNotEqual(drawn_on(1), drawn_on(11), "the grid goes on over more than one page")

    # --- errors --------------------------------------------------------------------------------------

    def assert_fails(self, blocks, message, directory=None):
        report = self.write_report(blocks, directory)
        out, result = self.render(report, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(message, result.stderr)
        self.assertFalse(os.path.exists(out), "no output file for a failed report")

    def test_bad_page_and_theme_values_are_named(self):
        self.assert_fails('cl.page { size = "A5" },', "layout[1].size: unknown page size 'A5' (accepted: A4, Letter)")
        self.assert_fails('cl.page { orientation = "sideways" },',
                          "layout[1].orientation: unknown orientation 'sideways' (accepted: portrait, landscape)")
        self.assert_fails('cl.theme { colors = { "#fff000", "#12345" } },',
                          'layout[1].colors[2]: "#12345" is not a colour (expected "#RRGGBB")')
        self.assert_fails('cl.text("x"), cl.theme { accent = "blue" },',
                          'layout[2].accent: "blue" is not a colour (expected "#RRGGBB")')
        self.assert_fails('cl.theme { font = "Comic Sans MS" },',
                          "layout[1].font: no font family 'Comic Sans MS' is installed")
        self.assert_fails('cl.theme { colour = "#ffffff" },',
                          "layout[1]: cl.theme has no field 'colour' (accepted: colors, text, accent, font, logo)")

    def test_logo_paths_stay_inside_the_search_path(self):
        directory = temp_dir(self)
        outside = os.path.join(directory, "outside.png")
        write_png(outside, 4, 4, (0, 0, 0))
        inner = os.path.join(directory, "reports")
        os.makedirs(inner)
        self.assert_fails('cl.theme { logo = "../outside.png" },', "layout[1].logo: '../outside.png' leaves its folder "
                          "through '..'", inner)
        self.assert_fails(f'cl.theme {{ logo = "{outside}" }},', f"layout[1].logo: '{outside}' is an absolute path",
                          inner)
        self.assert_fails('cl.theme { logo = "missing.png" },', "layout[1].logo: 'missing.png' not found (looked for",
                          inner)
        with open(os.path.join(inner, "fake.png"), "w") as f:
            f.write("not an image")
        self.assert_fails('cl.theme { logo = "fake.png" },', "fake.png is not a PNG image", inner)
        os.symlink(outside, os.path.join(inner, "link.png"))
        self.assert_fails('cl.theme { logo = "link.png" },', "'link.png' is a link to a file outside", inner)

    def test_logo_found_through_lib_path(self):
        directory = temp_dir(self)
        lib = os.path.join(directory, "lib")
        os.makedirs(lib)
        write_png(os.path.join(lib, "brand.png"), 60, 20, (1, 2, 3))
        report = self.write_report('cl.theme { logo = "brand.png" }, cl.text("x"),', os.path.join(directory))
        out = os.path.join(directory, "out.pdf")
        run("report", report, "--store", self.store, "--as-of", AS_OF.isoformat(), "--lib-path", lib, "-o", out)
        self.assertIn("image      60    20", poppler("pdfimages", "-list", out))

    def test_unknown_note_label_names_the_block_and_the_buckets(self):
        self.assert_fails('cl.text("a"), cl.text("b"), cl.bar { d.total, notes = { { at = "2026-13-01", text = "x" } } },',
                          f"layout[3].notes[1].at: no bucket '2026-13-01' (buckets run {FIRST} .. {AS_OF})")
        self.assert_fails('cl.section { title = "S", cl.line { d.total, lines = { { label = "no value" } } } },',
                          "layout[1][1].lines[1].value: expected a number")
        self.assert_fails("cl.line { d.by_cat },", "layout[1]: cl.line needs a time series")
        self.assert_fails('cl.grid { columns = 2, cl.page { size = "A4" } },',
                          "layout[1][1]: a grid cell must be one block that draws")


if __name__ == "__main__":
    unittest.main()
