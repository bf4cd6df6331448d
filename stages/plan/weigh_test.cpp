#include "stages/plan/weigh.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

MailPiece weighed(std::size_t sheets, ProductionSettings settings = {}, const ProfileCatalog& c = catalog()) {
  return weigh(piece_of(sheets, erika(), std::move(settings)), c);
}

}  // namespace

TEST_CASE("three folded sheets weigh 19.97 g and go as Standardbrief", "[plan][weigh]") {
  const auto p = weighed(3);
  CHECK(p.envelope == "c6-5");
  CHECK(p.weight_g == Approx(3 * 4.99 + 5));  // 19.97
  CHECK(p.weight_g == Approx(19.97));
  CHECK(p.thickness_mm == Approx(3 * 0.1 * 3 + 0.5));  // 1.4
  CHECK(p.product == "Standardbrief");
  CHECK(p.postage_cents == 95);
  CHECK_FALSE(p.manual);
  CHECK(p.manual_reason.empty());
}

TEST_CASE("four folded sheets exceed 20 g and go as Kompaktbrief", "[plan][weigh]") {
  const auto p = weighed(4);
  CHECK(p.weight_g == Approx(24.96));
  CHECK(p.thickness_mm == Approx(1.7));
  CHECK(p.product == "Kompaktbrief");
  CHECK(p.postage_cents == 110);
}

TEST_CASE("inserts add their weight and folded thickness", "[plan][weigh]") {
  const auto one = weighed(3, with_inserts({"feeder-1"}));
  CHECK(one.weight_g == Approx(23.97));
  CHECK(one.thickness_mm == Approx((0.3 + 0.2) * 3 + 0.5));  // 2.0
  CHECK(one.product == "Kompaktbrief");

  const auto both = weighed(1, with_inserts({"feeder-1", "feeder-2"}));
  CHECK(both.weight_g == Approx(4.99 + 5 + 4 + 6));                 // 19.99
  CHECK(both.thickness_mm == Approx((0.1 + 0.2 + 0.3) * 3 + 0.5));  // 2.3
  CHECK(both.product == "Standardbrief");
}

TEST_CASE("auto envelope switches to flat at the fold limit", "[plan][weigh]") {
  const auto folded = weighed(8);
  CHECK(folded.envelope == "c6-5");
  CHECK(folded.weight_g == Approx(44.92));
  CHECK(folded.thickness_mm == Approx(2.9));
  CHECK(folded.product == "Kompaktbrief");

  const auto flat = weighed(9);
  CHECK(flat.envelope == "c4");
  CHECK(flat.weight_g == Approx(64.91));
  CHECK(flat.thickness_mm == Approx(1.9));
  CHECK(flat.product == "Grossbrief");  // C4 is longer than any Kompaktbrief
  CHECK(flat.postage_cents == 180);
  CHECK_FALSE(flat.manual);
}

TEST_CASE("a named envelope is used as it is", "[plan][weigh]") {
  ProductionSettings named;
  named.envelope = "c4";
  const auto p = weighed(2, named);
  CHECK(p.envelope == "c4");
  CHECK(p.weight_g == Approx(29.98));
  CHECK(p.thickness_mm == Approx(1.2));
  CHECK(p.product == "Grossbrief");
}

TEST_CASE("choose_product takes inclusive limits", "[plan][weigh]") {
  const auto c = catalog();
  const auto& c65 = c.envelopes.at("c6-5");
  const auto name = [&](double weight, double thickness) {
    const PostageProduct* p = choose_product(c.tariff, weight, thickness, c65, Destination::domestic);
    return p ? p->name : std::string("none");
  };
  CHECK(name(20, 5) == "Standardbrief");
  CHECK(name(20.000000000000004, 5) == "Standardbrief");  // 20 g give or take binary rounding
  CHECK(name(20.01, 5) == "Kompaktbrief");
  CHECK(name(20, 5.01) == "Kompaktbrief");
  CHECK(name(50, 10) == "Kompaktbrief");
  CHECK(name(50.01, 10) == "Grossbrief");
  CHECK(name(500, 20) == "Grossbrief");
  CHECK(name(500, 20.1) == "Maxibrief");
  CHECK(name(1000, 50) == "Maxibrief");
  CHECK(name(1000.01, 50) == "none");
  CHECK(name(1000, 50.01) == "none");
}

TEST_CASE("choose_product checks the envelope size, longer side as length", "[plan][weigh]") {
  const auto c = catalog();
  EnvelopeProfile small;  // 130 mm long: too short for a Standardbrief
  small.width_mm = 90;
  small.height_mm = 130;
  const PostageProduct* p = choose_product(c.tariff, 10, 1, small, Destination::domestic);
  REQUIRE(p != nullptr);
  CHECK(p->name == "Kompaktbrief");

  const PostageProduct* c4 = choose_product(c.tariff, 10, 1, c.envelopes.at("c4"), Destination::domestic);
  REQUIRE(c4 != nullptr);
  CHECK(c4->name == "Grossbrief");
}

TEST_CASE("sixty sheets still go through the inserter, sixty-one are manual", "[plan][weigh]") {
  const auto sixty = weighed(60);
  CHECK(sixty.envelope == "c4");
  CHECK(sixty.weight_g == Approx(319.4));
  CHECK(sixty.thickness_mm == Approx(7));
  CHECK(sixty.product == "Grossbrief");
  CHECK_FALSE(sixty.manual);

  const auto sixty_one = weighed(61);
  CHECK(sixty_one.manual);
  CHECK(sixty_one.manual_reason == "61 sheets exceed the inserter's flat limit of 60");
  CHECK(sixty_one.weight_g == Approx(324.39));
  CHECK(sixty_one.product == "Grossbrief");  // manual pieces keep their product
  CHECK(sixty_one.postage_cents == 180);
}

TEST_CASE("a piece too thick for a Grossbrief goes as Maxibrief", "[plan][weigh]") {
  const auto p = weighed(191);
  CHECK(p.weight_g == Approx(973.09));
  CHECK(p.thickness_mm == Approx(20.1));
  CHECK(p.product == "Maxibrief");
  CHECK(p.postage_cents == 290);
  CHECK(p.manual);
  CHECK(p.manual_reason == "191 sheets exceed the inserter's flat limit of 60");
}

TEST_CASE("a piece heavier than a Maxibrief has no product", "[plan][weigh]") {
  const auto p = weighed(197);
  CHECK(p.weight_g == Approx(1003.03));
  CHECK(p.product.empty());
  CHECK(p.postage_cents == 0);
  CHECK(p.manual);
  CHECK(p.manual_reason ==
        "197 sheets exceed the inserter's flat limit of 60; "
        "1003.03 g exceeds the heaviest product (Maxibrief, 1000 g)");
}

TEST_CASE("a piece thicker than a Maxibrief has no product", "[plan][weigh]") {
  auto c = catalog();
  c.papers["board"] = PaperProfile{"board", 4.99, 1.0};
  ProductionSettings board;
  board.paper = "board";
  const auto p = weighed(50, board, c);
  CHECK(p.weight_g == Approx(269.5));
  CHECK(p.thickness_mm == Approx(51));
  CHECK(p.product.empty());
  CHECK(p.manual);
  CHECK(p.manual_reason == "51 mm exceeds the thickest product (Maxibrief, 50 mm)");
}

TEST_CASE("an envelope larger than every product has no product", "[plan][weigh]") {
  auto c = catalog();
  c.envelopes["e4"] = envelope_profile("e4", "E4", 280, 400, 25, 1, 1);
  ProductionSettings named;
  named.envelope = "e4";
  const auto p = weighed(2, named, c);
  CHECK(p.product.empty());
  CHECK(p.manual);
  CHECK(p.manual_reason == "envelope E4 (280 x 400 mm) fits the size of no postage product");
}

TEST_CASE("weigh reports a profile missing from the catalogue as internal", "[plan][weigh]") {
  ProductionSettings named;
  named.envelope = "dl";
  try {
    weigh(piece_of(1, erika(), named), catalog(), Where{"job-1", "D7", "", "", ""});
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"job-1\": document \"D7\": field \"envelope\": "
          "envelope profile \"dl\" is not in the profile catalogue");
  }
}

TEST_CASE("a folded envelope named by the job goes to manual handling above the fold limit", "[plan][weigh]") {
  ProductionSettings named;
  named.envelope = "c6-5";
  const auto within = weighed(8, named);
  CHECK_FALSE(within.manual);
  const auto over = weighed(9, named);
  CHECK(over.envelope == "c6-5");
  CHECK(over.manual);
  CHECK(over.manual_reason.rfind("9 sheets exceed the inserter's fold limit of 8 for C6/5", 0) == 0);
}

TEST_CASE("mail abroad takes the international products", "[plan][weigh]") {
  const RecipientKey vienna = recipient("anna", "1010", "AT");
  const auto p = weigh(piece_of(3, vienna), catalog());
  CHECK(p.product == "Standardbrief International");
  CHECK(p.postage_cents == 125);
  CHECK(weigh(piece_of(3), catalog()).product == "Standardbrief");
  ProfileCatalog domestic_only = catalog();
  std::erase_if(domestic_only.tariff.products,
                [](const PostageProduct& product) { return product.destination == Destination::international; });
  const auto stranded = weigh(piece_of(3, vienna), domestic_only);
  CHECK(stranded.manual);
  CHECK(stranded.manual_reason == "the tariff \"Deutsche Post 2025\" has no postage products abroad");
}
