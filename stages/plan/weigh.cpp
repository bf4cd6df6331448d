#include "stages/plan/weigh.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "pipeline/model/short_number.hpp"
#include "stages/plan/profile_lookup.hpp"

// Weights and thicknesses are sums of decimal fractions (4.99 g a sheet), so
// a piece of exactly 20 g may come out as 20.000000000000004 in binary; the
// limits are compared with a tolerance far below anything a scale measures.

namespace kuvert {
namespace {

constexpr double kTolerance = 1e-6;

bool within(double value, double limit) { return value <= limit + kTolerance; }

bool contains(double min, double max, double value) { return value >= min - kTolerance && within(value, max); }

std::string envelope_words(const EnvelopeProfile& envelope) {
  const std::string label = envelope.format.empty() ? envelope.name : envelope.format;
  return "envelope " + label + " (" + short_number(envelope.width_mm) + " x " + short_number(envelope.height_mm) +
         " mm)";
}

bool size_fits(const PostageProduct& product, const EnvelopeProfile& envelope) {
  const double length = std::max(envelope.width_mm, envelope.height_mm);
  const double width = std::min(envelope.width_mm, envelope.height_mm);
  return contains(product.min_length_mm, product.max_length_mm, length) &&
         contains(product.min_width_mm, product.max_width_mm, width);
}

// Why no product fits, naming the first limit the piece breaks outright.
std::string no_product_reason(const Tariff& tariff, double weight_g, double thickness_mm,
                              const EnvelopeProfile& envelope, Destination destination) {
  std::vector<PostageProduct> products;
  std::copy_if(tariff.products.begin(), tariff.products.end(), std::back_inserter(products),
               [&](const PostageProduct& p) { return p.destination == destination; });
  if (products.empty())
    return "the tariff \"" + tariff.name + "\" has no postage products " +
           (destination == Destination::domestic ? "within Germany" : "abroad");
  const auto heaviest = std::max_element(products.begin(), products.end(),
                                         [](const auto& a, const auto& b) { return a.max_weight_g < b.max_weight_g; });
  if (!within(weight_g, heaviest->max_weight_g))
    return short_number(weight_g) + " g exceeds the heaviest product (" + heaviest->name + ", " +
           short_number(heaviest->max_weight_g) + " g)";
  const auto thickest = std::max_element(products.begin(), products.end(), [](const auto& a, const auto& b) {
    return a.max_thickness_mm < b.max_thickness_mm;
  });
  if (!within(thickness_mm, thickest->max_thickness_mm))
    return short_number(thickness_mm) + " mm exceeds the thickest product (" + thickest->name + ", " +
           short_number(thickest->max_thickness_mm) + " mm)";
  if (std::none_of(products.begin(), products.end(), [&](const auto& p) { return size_fits(p, envelope); }))
    return envelope_words(envelope) + " fits the size of no postage product";
  return "no postage product takes " + short_number(weight_g) + " g at " + short_number(thickness_mm) + " mm in " +
         envelope_words(envelope);
}

}  // namespace

std::string choose_envelope(const std::string& requested, std::size_t sheets, const InserterProfile& inserter) {
  if (requested != "auto") return requested;
  const auto fold_limit = static_cast<std::size_t>(std::max(inserter.fold_limit_sheets, 0));
  return sheets <= fold_limit ? inserter.folded_envelope : inserter.flat_envelope;
}

const PostageProduct* choose_product(const Tariff& tariff, double weight_g, double thickness_mm,
                                     const EnvelopeProfile& envelope, Destination destination) {
  for (const auto& product : tariff.products)
    if (product.destination == destination && within(weight_g, product.max_weight_g) &&
        within(thickness_mm, product.max_thickness_mm) && size_fits(product, envelope))
      return &product;
  return nullptr;
}

MailPiece weigh(MailPiece piece, const ProfileCatalog& catalog, const Where& where) {
  const PaperProfile& paper = find_paper(catalog, piece.settings().paper, where);
  const InserterProfile& inserter = find_inserter(catalog, piece.settings().inserter, where);
  const std::size_t sheets = piece.sheet_count;
  piece.envelope = choose_envelope(piece.settings().envelope, sheets, inserter);
  const EnvelopeProfile& envelope = find_envelope(catalog, piece.envelope, where);

  double insert_weight = 0;
  double insert_thickness = 0;
  for (const auto& name : piece.inserts) {
    const Feeder& feeder = find_feeder(inserter, name, where);
    insert_weight += feeder.weight_g;
    insert_thickness += feeder.thickness_mm;
  }
  const auto n = static_cast<double>(sheets);
  piece.weight_g = n * paper.sheet_weight_g + envelope.weight_g + insert_weight;
  piece.thickness_mm = (n * paper.sheet_thickness_mm + insert_thickness) * envelope.fold_layers + envelope.thickness_mm;

  std::vector<std::string> reasons;
  if (static_cast<long long>(sheets) > inserter.flat_limit_sheets)
    reasons.push_back(std::to_string(sheets) + " sheets exceed the inserter's flat limit of " +
                      std::to_string(inserter.flat_limit_sheets));
  // A job may name a folded envelope; the folder still has its limit.
  else if (envelope.fold_layers > 1 && static_cast<long long>(sheets) > inserter.fold_limit_sheets)
    reasons.push_back(std::to_string(sheets) + " sheets exceed the inserter's fold limit of " +
                      std::to_string(inserter.fold_limit_sheets) + " for " + envelope.format);
  const Destination destination = piece.lead->domestic ? Destination::domestic : Destination::international;
  if (const PostageProduct* product =
          choose_product(catalog.tariff, piece.weight_g, piece.thickness_mm, envelope, destination)) {
    piece.product = product->name;
    piece.postage_cents = product->price_cents;
  } else {
    piece.product.clear();
    piece.postage_cents = 0;
    reasons.push_back(no_product_reason(catalog.tariff, piece.weight_g, piece.thickness_mm, envelope, destination));
  }
  piece.manual = !reasons.empty();
  piece.manual_reason.clear();
  for (const auto& reason : reasons) {
    if (!piece.manual_reason.empty()) piece.manual_reason += "; ";
    piece.manual_reason += reason;
  }
  return piece;
}

}  // namespace kuvert
