#include "pipeline/plan/consolidate.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <tuple>

#include "pipeline/plan/address_key.hpp"
#include "pipeline/plan/profile_lookup.hpp"

namespace kuvert {
namespace {

// Everything two documents must have in common to share an envelope.
struct MergeKey {
  AddressKey address;
  std::string paper;
  Sides sides = Sides::duplex;
  std::string inserter;
  std::string envelope;
  friend auto operator<=>(const MergeKey&, const MergeKey&) = default;
};

MergeKey merge_key(const std::string& client, const Document& document) {
  const auto& s = *document.settings;
  return {address_key(client, document.recipient), s.paper, s.sides, s.inserter, s.envelope};
}

std::size_t hash_of(const MergeKey& key) {
  std::size_t hash = static_cast<std::size_t>(key.sides);
  const auto add = [&hash](const std::string& text) {
    hash ^= std::hash<std::string>{}(text) + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  };
  for (const auto* text : {&key.address.client, &key.address.name, &key.address.street, &key.address.postcode,
                           &key.address.city, &key.address.country, &key.paper, &key.inserter, &key.envelope})
    add(*text);
  return hash;
}

}  // namespace

bool may_share_envelope(const Document& document) {
  return document.settings->consolidate && !document.settings->sensitive;
}

std::vector<std::string> order_inserts(const std::vector<std::string>& inserts, const InserterProfile& inserter,
                                       const Where& where) {
  // (station, position in the profile, name): stations decide, the profile's
  // listing breaks ties.
  std::vector<std::tuple<int, std::size_t, std::string>> ordered;
  for (const auto& name : inserts) {
    const Feeder& feeder = find_feeder(inserter, name, where);
    const auto position = static_cast<std::size_t>(&feeder - inserter.feeders.data());
    ordered.emplace_back(feeder.station, position, name);
  }
  std::sort(ordered.begin(), ordered.end());
  ordered.erase(std::unique(ordered.begin(), ordered.end()), ordered.end());
  std::vector<std::string> names;
  for (auto& entry : ordered) names.push_back(std::move(std::get<2>(entry)));
  return names;
}

std::vector<MailPiece> consolidate(const Job& job, const ProfileCatalog& catalog) {
  std::vector<MailPiece> pieces;
  pieces.reserve(job.documents.size());  // at most one piece per document, without regrowing
  // Hash of the merge key -> pieces open for more documents. Only hashes are
  // kept (the keys of a large job would outweigh its pieces); equal hashes
  // are confirmed by comparing the keys themselves, so different recipients
  // never share an envelope.
  std::unordered_multimap<std::size_t, std::size_t> open;
  open.reserve(job.documents.size());
  for (std::size_t i = 0; i < job.documents.size(); ++i) {
    const Document& document = job.documents[i];
    if (may_share_envelope(document)) {
      const MergeKey key = merge_key(job.client, document);
      const std::size_t hash = hash_of(key);
      const auto [first, last] = open.equal_range(hash);
      const auto same = std::find_if(first, last, [&](const auto& entry) {
        return merge_key(job.client, *pieces[entry.second].lead) == key;
      });
      if (same != last) {
        MailPiece& piece = pieces[same->second];
        piece.documents.push_back(i);
        auto& inserts = piece.inserts;
        inserts.insert(inserts.end(), document.settings->inserts.begin(), document.settings->inserts.end());
        continue;
      }
      open.emplace(hash, pieces.size());
    }
    MailPiece piece;
    piece.documents.push_back(i);
    piece.lead = &document;
    piece.inserts = document.settings->inserts;
    pieces.push_back(std::move(piece));
  }
  for (auto& piece : pieces) {
    const Where where{job.name, job.documents[piece.documents.front()].id, "", "", ""};
    const InserterProfile& inserter = find_inserter(catalog, piece.settings().inserter, where);
    piece.inserts = order_inserts(piece.inserts, inserter, where);
  }
  return pieces;
}

}  // namespace kuvert
