// Scanned pages as kuvert's scan stage sees them: pages of known German
// text set by the compose stage and rendered at 300 dpi, then skewed,
// turned upside down and sprinkled with specks, must come back clean,
// upright and at least 98 % right; a blank back must be recognised.
#include <catch2/catch.hpp>
#include <random>

#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/orientation_detector.hpp"
#include "stages/scan/page_cleanup.hpp"
#include "stages/scan/upright_reading.hpp"
#include "tests/support/generated_page.hpp"

namespace kuvert {
namespace {

using scan::PixPtr;

std::string expected_text() {
  std::string text;
  for (const auto& line : test::known_text()) text += line;
  return text;
}

using sample::sprinkle;

double radians(double degrees) { return degrees * 3.14159265358979323846 / 180.0; }

TEST_CASE("OCR reads a generated German page at least 98 percent right", "[scan][ocr]") {
  PixPtr page = test::text_page();
  scan::OcrEngine engine;
  const scan::OcrPage read = engine.read(page.get(), 300);
  INFO(read.text);
  CHECK(test::character_accuracy(expected_text(), read.text) >= 0.98);
  CHECK(read.mean_confidence > 80);
  CHECK(read.words.size() >= 40);
  for (const auto& word : read.words) CHECK(word.right > word.left);
}

TEST_CASE("clean-up measures and removes skew of half a degree to three degrees", "[scan][cleanup][slow]") {
  const PixPtr page = test::text_page();
  scan::OcrEngine engine;
  for (const double degrees : {0.5, -1.5, 3.0}) {
    PixPtr skewed(pixRotate(page.get(), static_cast<float>(radians(degrees)), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    sprinkle(skewed.get(), 300, 7);
    const scan::CleanPage clean = scan::clean_page(skewed.get(), 300, scan::CleanupOptions{});
    INFO("skewed by " << degrees);
    CHECK_FALSE(clean.blank);
    CHECK(std::abs(std::abs(clean.deskew_degrees) - std::abs(degrees)) <= 0.3);
    const auto read = engine.read(clean.grey.get(), 300);
    INFO(read.text);
    CHECK(test::character_accuracy(expected_text(), read.text) >= 0.98);
  }
}

TEST_CASE("an upside-down page is turned upright and read", "[scan][cleanup]") {
  const PixPtr page = test::text_page();
  PixPtr upside_down(pixRotateOrth(page.get(), 2));
  scan::OrientationDetector orientation;
  scan::CleanPage clean = scan::clean_page(upside_down.get(), 300, scan::CleanupOptions{});
  scan::OcrEngine engine;
  const auto read = scan::read_upright(clean, 300, engine, &orientation, true);
  CHECK(clean.rotation == 180);
  INFO(read.text);
  CHECK(test::character_accuracy(expected_text(), read.text) >= 0.98);
}

TEST_CASE("pages scanned sideways are turned upright and read", "[scan][cleanup][slow]") {
  const PixPtr page = test::text_page();
  scan::OrientationDetector orientation;
  scan::OcrEngine engine;
  for (const int quarters : {1, 3}) {
    PixPtr sideways(pixRotateOrth(page.get(), quarters));
    scan::CleanPage clean = scan::clean_page(sideways.get(), 300, scan::CleanupOptions{});
    const auto read = scan::read_upright(clean, 300, engine, &orientation, true);
    INFO("turned by " << quarters * 90 << " degrees: " << read.text);
    CHECK(clean.rotation == 360 - quarters * 90);
    CHECK(pixGetWidth(clean.grey.get()) == pixGetWidth(page.get()));
    CHECK(test::character_accuracy(expected_text(), read.text) >= 0.98);
  }
}

TEST_CASE("pages scanned at 200 and 600 dpi are cleaned, turned and read", "[scan][cleanup][slow]") {
  scan::OrientationDetector orientation;
  scan::OcrEngine engine;
  for (const int dpi : {200, 600}) {
    PixPtr upside_down(pixRotateOrth(test::text_page(dpi).get(), 2));
    sprinkle(upside_down.get(), 200, 5);
    scan::CleanPage clean = scan::clean_page(upside_down.get(), dpi, scan::CleanupOptions{});
    const auto read = scan::read_upright(clean, dpi, engine, &orientation, true);
    INFO(dpi << " dpi: " << read.text);
    CHECK(clean.rotation == 180);
    CHECK(test::character_accuracy(expected_text(), read.text) >= 0.98);
  }
}

TEST_CASE("a blank back with specks of dust is recognised as blank", "[scan][cleanup]") {
  PixPtr blank(pixCreate(2480, 3508, 8));
  pixSetAll(blank.get());  // white
  sprinkle(blank.get(), 400, 11);
  const scan::CleanPage clean = scan::clean_page(blank.get(), 300, scan::CleanupOptions{});
  CHECK(clean.blank);
  const PixPtr page = test::text_page();
  CHECK_FALSE(scan::clean_page(page.get(), 300, scan::CleanupOptions{}).blank);
}

}  // namespace
}  // namespace kuvert
