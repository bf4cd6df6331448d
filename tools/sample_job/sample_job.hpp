#pragma once
// Generates print-file jobs of fictitious letters for samples, tests and
// benchmarks: a spool PDF with DIN 5008 form B letters and its job.json.
// Names and addresses are invented combinations, never real people.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "pipeline/model/recipient.hpp"

namespace kuvert {

struct SampleJobOptions {
  std::size_t documents = 100;
  std::uint32_t fixed_pages = 0;  // 0: 1 to 5 pages, varied
  std::uint32_t seed = 1;
  double repeat_share = 0.15;  // documents to a recipient already used
  double foreign_share = 0.05;
  double insert_share = 0.2;  // documents with a feeder insert
  std::string job = "sample";
  std::string sides = "duplex";
};

struct SampleDocument {
  std::string id;
  std::uint32_t first_page = 0;  // 1-based in the spool
  std::uint32_t pages = 0;
  Recipient recipient;
  std::vector<std::string> inserts;
};

// True with probability `share`.
bool chance(double share, std::mt19937& random);

// An invented recipient: a German town, or abroad with `foreign_share`.
Recipient invent_recipient(std::mt19937& random, double foreign_share);

// The text a generated page carries so tests can identify it.
std::string sample_page_marker(const std::string& document_id, std::uint32_t page, std::uint32_t pages);

// A one-page PDF with all nine generic-omr bars: the static overlay a
// peer tool stamps onto every page in the imposition benchmark.
void write_mark_sheet(const std::filesystem::path& path);

// Writes `folder`/spool.pdf and `folder`/job.json; returns the documents.
std::vector<SampleDocument> write_sample_job(const std::filesystem::path& folder, const SampleJobOptions& options);

}  // namespace kuvert
