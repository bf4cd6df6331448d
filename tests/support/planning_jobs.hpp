#pragma once
// Test support for the planning tests, header only: builders for in-memory
// jobs and pieces, over the catalogue of profile_fixtures.hpp.
#include <algorithm>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "tests/support/profile_fixtures.hpp"

namespace kuvert::test {

// A recipient as planning sees it. `who` stands for the normalised address:
// equal names, same recipient.
inline RecipientKey recipient(const std::string& who, const std::string& postcode = "39104",
                              const std::string& country = "DE") {
  RecipientKey key;
  std::copy_n(who.begin(), std::min(who.size(), key.address.size()), key.address.begin());
  key.presort = presort_key(postcode, country);
  return key;
}

inline RecipientKey erika() { return recipient("erika", "39104"); }

// The index of `settings` in `job`, added if new.
inline std::uint16_t settings_in(Job& job, const ProductionSettings& settings) {
  auto known = std::find(job.settings.begin(), job.settings.end(), settings);
  if (known == job.settings.end()) known = job.settings.insert(job.settings.end(), settings);
  return static_cast<std::uint16_t>(known - job.settings.begin());
}

// A job of one print file whose documents follow each other in it.
class JobBuilder {
 public:
  explicit JobBuilder() {
    job_.name = "test-job";
    job_.client = "musterstadt";
    job_.files = {"/spool.pdf"};
  }

  JobBuilder& add(std::uint32_t pages, RecipientKey recipient, const ProductionSettings& settings = {}) {
    Document d;
    d.first_page = next_page_;
    d.page_count = pages;
    d.domestic = recipient.domestic();
    d.settings = settings_in(job_, settings);
    next_page_ += pages;
    job_.documents.push_back(d);
    job_.recipients.push_back(recipient);
    return *this;
  }

  const Job& job() const { return job_; }

 private:
  Job job_;
  std::uint32_t next_page_ = 0;
};

inline ProductionSettings simplex() {
  ProductionSettings s;
  s.sides = Sides::simplex;
  return s;
}

inline ProductionSettings with_inserts(std::vector<std::string> inserts) {
  ProductionSettings s;
  s.inserts = std::move(inserts);
  return s;
}

// What pieces made by piece_of() point to; deques keep their addresses
// stable for the life of the test program.
inline std::deque<Document>& lead_documents() {
  static std::deque<Document> documents;
  return documents;
}
inline std::deque<ProductionSettings>& lead_settings() {
  static std::deque<ProductionSettings> settings;
  return settings;
}

// A piece of `sheets` sheets, as weigh() sees it.
inline MailPiece piece_of(std::size_t sheets, RecipientKey recipient = erika(), ProductionSettings settings = {}) {
  MailPiece p;
  auto& lead = lead_documents().emplace_back();
  lead.domestic = recipient.domestic();
  p.lead = &lead;
  p.production = &lead_settings().emplace_back(std::move(settings));
  p.inserts = p.production->inserts;
  p.documents = {0};
  p.sheet_count = sheets;
  return p;
}

}  // namespace kuvert::test
