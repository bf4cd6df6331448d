#pragma once
// Test support, header only: the profiles of the unit tests built in code,
// so that planning and imposing are tested without the profile loader
// (whose own tests prove what layouts/ reads as). One catalogue for every
// stage's tests:
//
//   a4-80 4.99 g 0.1 mm; c6-5 114 x 229 mm 5 g 0.5 mm 3 layers; c4 229 x
//   324 mm 20 g 1 mm 1 layer; inserter "generic-omr" (its marks as DESIGN.md
//   fixes them) fold limit 8, flat limit 60, feeder-1 (station 1) 4 g
//   0.2 mm, feeder-2 (station 2) 6 g 0.3 mm; the 2025 letter tariff.
#include <string>

#include "pipeline/model/profile_catalog.hpp"

namespace kuvert::test {

inline EnvelopeProfile envelope_profile(const std::string& name, const std::string& format, double width_mm,
                                        double height_mm, double weight_g, double thickness_mm, int fold_layers) {
  EnvelopeProfile envelope;
  envelope.name = name;
  envelope.format = format;
  envelope.width_mm = width_mm;
  envelope.height_mm = height_mm;
  envelope.weight_g = weight_g;
  envelope.thickness_mm = thickness_mm;
  envelope.fold_layers = fold_layers;
  return envelope;
}

inline InserterProfile generic_omr() {
  InserterProfile p;
  p.name = "generic-omr";
  p.code = CodeKind::omr;
  p.side = SheetSide::front;
  p.positions = {{MarkFunction::start, 0, 0},    {MarkFunction::insert, 0, 0},   {MarkFunction::feeder, 1, 0},
                 {MarkFunction::feeder, 2, 0},   {MarkFunction::sequence, 0, 4}, {MarkFunction::sequence, 0, 2},
                 {MarkFunction::sequence, 0, 1}, {MarkFunction::parity, 0, 0},   {MarkFunction::safety, 0, 0}};
  p.first_mark_y_mm = 100;
  p.pitch_mm = 4.23;
  p.bar_x_mm = 193;
  p.bar_length_mm = 10;
  p.bar_thickness_mm = 0.5;
  p.collation_mark = CollationMark::end_of_collation;
  p.logic = MarkLogic::positive;
  p.parity = Parity::even;
  p.sequence_direction = SequenceDirection::up;
  p.order = CollationOrder::normal;
  p.clear_zone = {190, 80, 16, 74};
  p.fold_limit_sheets = 8;
  p.flat_limit_sheets = 60;
  p.folded_envelope = "c6-5";
  p.flat_envelope = "c4";
  p.feeders = {Feeder{"feeder-1", 1, "Rückumschlag", 4, 0.2}, Feeder{"feeder-2", 2, "Merkblatt", 6, 0.3}};
  return p;
}

// generic_omr()'s clear zone (x 190-206 mm, y 80-154 mm) painted white on
// an A4 front, and the same zone mirrored at the sheet's centre line (x 4
// to 20 mm) on the back, behind the code: as the imposer draws them.
inline const std::string kGenericZone = "1 g\n538.583 405.355 45.354 209.763 re f\n";
inline const std::string kGenericBehind = "1 g\n11.339 405.355 45.354 209.763 re f\n";

// layouts/inserters/datamatrix.toml.
inline InserterProfile datamatrix_profile() {
  InserterProfile p;
  p.name = "datamatrix";
  p.code = CodeKind::datamatrix;
  p.side = SheetSide::front;
  p.code_x_mm = 182;
  p.code_y_mm = 8;
  p.module_mm = 0.5;
  p.clear_zone = {180, 6, 18, 18};
  return p;
}

inline ProfileCatalog catalog() {
  ProfileCatalog c;
  c.papers["a4-80"] = PaperProfile{"a4-80", 4.99, 0.1};
  c.envelopes["c6-5"] = envelope_profile("c6-5", "C6/5", 229, 114, 5, 0.5, 3);
  c.envelopes["c4"] = envelope_profile("c4", "C4", 229, 324, 20, 1, 1);
  c.inserters["generic-omr"] = generic_omr();
  c.tariff.name = "Deutsche Post 2025";
  c.tariff.valid_from = "2025-01-01";
  c.tariff.products = {
      PostageProduct{"Standardbrief", 20, 5, 140, 235, 90, 125, 95},
      PostageProduct{"Kompaktbrief", 50, 10, 100, 235, 70, 125, 110},
      PostageProduct{"Grossbrief", 500, 20, 100, 353, 70, 250, 180},
      PostageProduct{"Maxibrief", 1000, 50, 0, 353, 0, 250, 290},
      PostageProduct{"Standardbrief International", 20, 5, 140, 235, 90, 125, 125, Destination::international},
      PostageProduct{"Kompaktbrief International", 50, 10, 100, 235, 70, 125, 180, Destination::international},
      PostageProduct{"Grossbrief International", 500, 20, 100, 353, 70, 250, 330, Destination::international},
      PostageProduct{"Maxibrief International", 1000, 50, 0, 353, 0, 250, 650, Destination::international},
  };
  return c;
}

}  // namespace kuvert::test
