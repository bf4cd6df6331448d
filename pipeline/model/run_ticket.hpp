#pragma once
// R.json, a run's ticket: what the print operator and the post need to know
// about a run (DESIGN.md, outputs of a run). The file is the contract; this
// is its one reading and writing, so that a key read where none was written
// fails loudly instead of counting 0.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/json_optional.hpp"

namespace kuvert {

struct TicketInsert {
  std::string feeder;
  std::string insert;  // what the profile loads there; "" when it names none
};

// How the run is printed and finished.
struct TicketProduction {
  std::string paper;
  std::string sides;  // "simplex", "duplex"
  std::string envelope;
  std::string envelope_format;
  std::string inserter;
  std::vector<TicketInsert> inserts;
  bool control_marks = true;
  // The sources' own marks in the clear zone were painted over, as the
  // profile allows; otherwise no source had ink there.
  bool paints_over_source_marks = false;
  // How the folder must be set: its fold ("Z", "C"; "" by hand), and
  // whether each piece's address sheet is its "first" or "last" printed.
  std::string fold;
  std::string address_sheet;
  bool manual_handling = false;
  // The DIN 5008 form of the letters ("A", "B"): where the address field is.
  std::string form = "B";
};

struct TicketCounts {
  std::size_t pieces = 0;
  std::size_t documents = 0;
  std::size_t sensitive_documents = 0;
  std::size_t sheets = 0;
  std::size_t pages = 0;  // in the run file
  std::size_t document_pages = 0;
  std::size_t blank_pages = 0;
};

struct TicketProduct {
  std::size_t pieces = 0;
  long cents = 0;
};

struct TicketPostage {
  std::string tariff;
  std::string valid_from;
  std::string currency;
  std::map<std::string, TicketProduct> products;  // by postage product
  // None when a piece has no product: its postage is unknown, not nothing
  // (the pieces are in manual_pieces with the reason).
  std::optional<long> total_cents;
  std::size_t unpriced_pieces = 0;
};

struct TicketRegion {
  std::string leitregion;  // the postcode's first two digits
  std::size_t pieces = 0;
};

struct TicketPresort {
  std::vector<TicketRegion> leitregionen;
  std::size_t foreign_pieces = 0;
};

struct TicketManualPiece {
  std::string piece;
  std::vector<std::string> documents;  // their ids
  std::size_t sheets = 0;
  std::string reason;
};

// What a reprint run replaces: pieces of another run of the job.
struct TicketReprint {
  std::string run;                  // "R0001"
  std::vector<std::string> pieces;  // their ids, as their codes carried them
};

struct RunTicket {
  std::string run;  // "R0001"
  std::size_t part = 1;
  std::size_t parts = 1;
  std::string job;
  std::string job_key;  // the prefix of the piece ids in the run's 2D codes
  std::string client;
  std::string application;
  std::string created;  // ISO 8601
  std::string file;     // "R0001.pdf"
  std::uintmax_t bytes = 0;
  std::string sha256;
  TicketProduction production;
  TicketCounts counts;
  TicketPostage postage;
  TicketPresort presort;
  std::vector<TicketManualPiece> manual_pieces;
  // The inserter's control files beside the run file, as its profile asks
  // (stages/deliver/control_files.hpp): "R0001.pieces.csv", ...
  std::vector<std::string> control_files;
  std::optional<TicketReprint> reprint_of;  // null unless a reprint run
  std::optional<std::string> due;           // job.json's "due" (YYYY-MM-DD), null if it gave none
};

// Member names are the file's keys; reading uses at(), which throws
// nlohmann::json::exception on a missing key or another type.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketInsert, feeder, insert)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketProduction, paper, sides, envelope, envelope_format, inserter, inserts,
                                   control_marks, paints_over_source_marks, fold, address_sheet, manual_handling, form)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketCounts, pieces, documents, sensitive_documents, sheets, pages, document_pages,
                                   blank_pages)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketProduct, pieces, cents)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketPostage, tariff, valid_from, currency, products, total_cents, unpriced_pieces)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketRegion, leitregion, pieces)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketPresort, leitregionen, foreign_pieces)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketManualPiece, piece, documents, sheets, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TicketReprint, run, pieces)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RunTicket, run, part, parts, job, job_key, client, application, created, file, bytes,
                                   sha256, production, counts, postage, presort, manual_pieces, control_files,
                                   reprint_of, due)

// A ticket read back from its file. One that kuvert 0.2 wrote, before
// control files existed, has none, none before 0.4 is a reprint, and none
// before due dates has one, nor says its letters' form (B, the default):
// a store's runs from then are still delivered and shown after an update.
inline RunTicket read_run_ticket(nlohmann::json json) {
  if (json.is_object() && !json.contains("control_files")) json["control_files"] = nlohmann::json::array();
  if (json.is_object() && !json.contains("reprint_of")) json["reprint_of"] = nullptr;
  if (json.is_object() && !json.contains("due")) json["due"] = nullptr;
  if (json.is_object() && json.contains("production") && json["production"].is_object() &&
      !json["production"].contains("form"))
    json["production"]["form"] = "B";
  return json.get<RunTicket>();
}

}  // namespace kuvert
