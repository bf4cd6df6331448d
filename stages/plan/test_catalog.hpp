#pragma once
// Test support for the planning tests: a small catalogue and builders for
// in-memory jobs. Header only; not part of kuvert_plan.
#include <algorithm>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert::plan_test {

// a4-80 4.99 g 0.1 mm; c6-5 114 x 229 mm 5 g 0.5 mm 3 layers; c4 229 x 324
// mm 20 g 1 mm 1 layer; inserter "generic-omr" fold limit 8, flat limit 60,
// feeder-1 (station 1) 4 g 0.2 mm, feeder-2 (station 2) 6 g 0.3 mm; the
// 2025 letter tariff.
inline ProfileCatalog catalog() {
  ProfileCatalog c;
  c.papers["a4-80"] = PaperProfile{"a4-80", 4.99, 0.1};
  EnvelopeProfile c65;
  c65.name = "c6-5";
  c65.format = "C6/5";
  c65.width_mm = 229;
  c65.height_mm = 114;
  c65.weight_g = 5;
  c65.thickness_mm = 0.5;
  c65.fold_layers = 3;
  c.envelopes["c6-5"] = c65;
  EnvelopeProfile c4;
  c4.name = "c4";
  c4.format = "C4";
  c4.width_mm = 229;
  c4.height_mm = 324;
  c4.weight_g = 20;
  c4.thickness_mm = 1;
  c4.fold_layers = 1;
  c.envelopes["c4"] = c4;
  InserterProfile inserter;
  inserter.name = "generic-omr";
  inserter.fold_limit_sheets = 8;
  inserter.flat_limit_sheets = 60;
  inserter.folded_envelope = "c6-5";
  inserter.flat_envelope = "c4";
  inserter.feeders = {Feeder{"feeder-1", 1, "Rückumschlag", 4, 0.2}, Feeder{"feeder-2", 2, "Merkblatt", 6, 0.3}};
  c.inserters["generic-omr"] = inserter;
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

}  // namespace kuvert::plan_test
