#pragma once
// Test support, header only: the shipped profiles built in code, so the
// impose tests do not depend on the profile loader (which has its own tests
// proving that layouts/inserters/*.toml read as these).
#include "pipeline/model/inserter_profile.hpp"

namespace kuvert::testing {

// generic-omr as DESIGN.md fixes it.
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
  p.feeders = {{"feeder-1", 1, "insert 1", 5, 0.1}, {"feeder-2", 2, "insert 2", 5, 0.1}};
  return p;
}

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

}  // namespace kuvert::testing
