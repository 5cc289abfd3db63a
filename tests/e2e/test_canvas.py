"""Custom charts end to end: the calendar heat map example (a chart module in pure Lua, drawn with
cl.canvas) run by the real binary on a generated organisation. The PDF is read back for its labels,
the PNG pixel by pixel and checked against daily sums computed here from the events; bad drawing
operations fail with a message naming the op and leave no file behind."""
import os
import re
import subprocess
import unittest
from collections import deque
from datetime import date, timedelta
from decimal import Decimal

from png_pixels import Image
from support import Expected, GeneratedStoreTest, run, temp_dir

AS_OF = date(2026, 11, 21)
DAYS = 90
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CALENDAR = os.path.join(REPO, "examples", "reports", "calendar.lua")
CHARTS = os.path.join(REPO, "examples", "charts")
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def components(image, wanted):
    """Bounding boxes (x0, y0, x1, y1) of the 4-connected regions of pixels for which wanted(rgb) holds."""
    seen = bytearray(image.width * image.height)
    boxes = []
    for y0 in range(image.height):
        for x0 in range(image.width):
            if seen[y0 * image.width + x0] or not wanted(image.pixel(x0, y0)):
                continue
            seen[y0 * image.width + x0] = 1
            box = [x0, y0, x0, y0]
            queue = deque([(x0, y0)])
            while queue:
                x, y = queue.popleft()
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
                for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if 0 <= nx < image.width and 0 <= ny < image.height and not seen[ny * image.width + nx] \
                            and wanted(image.pixel(nx, ny)):
                        seen[ny * image.width + nx] = 1
                        queue.append((nx, ny))
            boxes.append(tuple(box))
    return boxes


def luminance(rgb):
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def ranks(values, tolerance):
    """Each value's index among the distinct values (those closer than tolerance count as one)."""
    distinct = []
    for v in sorted(values):
        if not distinct or v - distinct[-1] > tolerance:
            distinct.append(v)
    return [min(range(len(distinct)), key=lambda i: abs(distinct[i] - v)) for v in values]


def write_report(directory, layout_body):
    """r.lua in directory: a report whose layout function is layout_body, starting on line 3."""
    path = os.path.join(directory, "r.lua")
    with open(path, "w") as f:
        f.write('local cl = require "creditlens"\n'
                'return cl.report { title = "Canvas", layout = function(d, ctx)\n'
                f"{layout_body}\nend }}\n")
    return path


class CalendarHeatmapTest(GeneratedStoreTest):
    EVENTS = 20000
    SEED = 5

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        expected = Expected(cls.events, cls.accounts, AS_OF)  # the organisation, in UTC
        cls.first = AS_OF - timedelta(days=DAYS - 1)
        sums = expected.sum_by(expected.local_day, cls.first, AS_OF)
        cls.daily = {cls.first + timedelta(days=i): sums.get(cls.first + timedelta(days=i), Decimal(0))
                     for i in range(DAYS)}
        cls.busiest = max(cls.daily, key=cls.daily.get)

    def render(self, suffix):
        out = os.path.join(temp_dir(self), "calendar." + suffix)
        run("report", CALENDAR, "--lib-path", CHARTS, "--store", self.store, "--as-of", AS_OF.isoformat(),
            "-o", out)
        return out

    def test_pdf_shows_the_title_month_and_weekday_labels_and_the_busiest_day(self):
        text = subprocess.run(["pdftotext", "-layout", self.render("pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn("Daily usage calendar", text)
        self.assertIn("Credits per day, last 90 days", text)
        for name in WEEKDAYS:
            self.assertRegex(text, rf"\b{name}\b")
        months = {d.strftime("%b") for d in self.daily if d.day == 1}
        self.assertEqual(len(months), 3, "90 days ending 21 November hold three first days of a month")
        for name in months:
            self.assertRegex(text, rf"\b{name}\b")
        found = re.search(r"Busiest day: (\d{4}-\d\d-\d\d) \(([\d.]+) credits\)", text)
        self.assertIsNotNone(found, text)
        self.assertEqual(found.group(1), self.busiest.isoformat())
        self.assertLessEqual(abs(Decimal(found.group(2)) - self.daily[self.busiest]), Decimal("0.005"))

    def test_png_cells_are_darker_the_busier_the_day_and_the_busiest_is_darkest(self):
        top = max(self.daily.values())
        self.assertEqual(list(self.daily.values()).count(top), 1, "the busiest day is unique in this data")
        image = Image(self.render("png"))
        # The cells are the only small squares drawn in colour (text is grey; KPI tiles and the legend's
        # gradient bar are not squares).
        coloured = components(image, lambda rgb: not rgb[0] == rgb[1] == rgb[2])
        squares = [b for b in coloured if abs((b[2] - b[0]) - (b[3] - b[1])) <= 2 and 10 <= b[2] - b[0] <= 80]
        size = sorted(b[2] - b[0] for b in squares)[len(squares) // 2]
        cells = [b for b in squares if abs((b[2] - b[0]) - size) <= 2]
        self.assertEqual(len(cells), DAYS, "one cell per day")

        centres = [((b[0] + b[2]) // 2, (b[1] + b[3]) // 2) for b in cells]
        columns = ranks([x for x, _ in centres], tolerance=size / 2)
        rows = ranks([y for _, y in centres], tolerance=size / 2)
        first_monday = self.first - timedelta(days=self.first.weekday())
        self.assertEqual(max(rows) + 1, 7)
        self.assertEqual(max(columns) + 1, (AS_OF - first_monday).days // 7 + 1)
        shade = {(c, r): luminance(image.pixel(x, y)) for (x, y), c, r in zip(centres, columns, rows)}

        def cell(day):
            return shade[((day - first_monday).days // 7, day.weekday())]

        others = [cell(day) for day in self.daily if day != self.busiest]
        self.assertLess(cell(self.busiest), min(others), "the busiest day's cell is the darkest")
        by_value = sorted(self.daily, key=self.daily.get)
        for lighter, darker in zip(by_value, by_value[1:]):
            self.assertGreaterEqual(cell(lighter) + 1, cell(darker), f"{darker} used more than {lighter}")

    def test_a_full_width_canvas_is_clipped_to_its_block(self):
        directory = temp_dir(self)
        report = write_report(directory, """
  local c = cl.canvas { height = 40 }
  c:rect(-1000, -1000, 5000, 5000):fill { color = "#ff0000" }
  return { cl.text("above"), c, cl.text("below") }""")
        out = os.path.join(directory, "full.png")
        run("report", report, "--store", self.store, "-o", out)
        image = Image(out)
        red = components(image, lambda rgb: rgb == (255, 0, 0))
        self.assertEqual(len(red), 1)
        x0, y0, x1, y1 = red[0]
        self.assertEqual(x0, image.width - 1 - x1, "as wide as the content: equal margins left and right")
        self.assertGreater(x1 - x0, image.width * 0.8)
        self.assertAlmostEqual(y1 - y0 + 1, 2 * 40, delta=1, msg="40 points tall, 2 pixels a point")

    def test_bad_ops_fail_naming_the_op_and_write_no_file(self):
        cases = {
            # Blocks written by hand are checked by the engine.
            'return { { type = "canvas", width = 100, height = 50, ops = {\n'
            '  { op = "rect", x = 0, y = 0, width = 10, height = 10 },\n'
            '  { op = "fill", color = "#12345" } } } }':
                "layout[1].ops[2] (fill): color '#12345' is not #rrggbb",
            'return { { type = "canvas", width = 100, height = 50, ops = { { op = "paint" } } } }':
                "layout[1].ops[1]: unknown op 'paint' (accepted: move_to, line_to",
            'return { { type = "canvas", width = 100, height = 50,\n'
            '  ops = { { op = "move_to", x = 1e999, y = 0 } } } }':
                "layout[1].ops[1].x: not a finite number",
            # The Lua API checks its arguments at the report's line.
            'local c = cl.canvas { width = 100, height = 50 }\n  c:fill { color = "red" }\n  return { c }':
                "r.lua:4: canvas:fill: color must be a colour #rrggbb, got 'red'",
            'local c = cl.canvas { width = 100, height = 50 }\n  c:line_to(1, 0/0)\n  return { c }':
                "r.lua:4: canvas:line_to: y must be a finite number",
        }
        for body, message in cases.items():
            with self.subTest(body=body):
                directory = temp_dir(self)
                report = write_report(directory, "  " + body)
                for suffix in ["pdf", "png"]:
                    result = run("report", report, "--store", self.store, "-o", f"{directory}/out.{suffix}",
                                 check=False)
                    self.assertEqual(result.returncode, 1, result.stderr)
                    self.assertIn(message, result.stderr)
                self.assertEqual(os.listdir(directory), ["r.lua"], "no output or temporary file is left")


if __name__ == "__main__":
    unittest.main()
