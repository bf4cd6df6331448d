#include <algorithm>
#include <map>

#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {
namespace {

std::optional<PostageProduct> read_product(TomlFields& fields) {
  PostageProduct product;
  const auto name = fields.text("name");
  const auto weight = fields.positive("max_weight_g");
  const auto thickness = fields.positive("max_thickness_mm");
  const auto min_length = fields.number("min_length_mm");
  const auto max_length = fields.positive("max_length_mm");
  const auto min_width = fields.number("min_width_mm");
  const auto max_width = fields.positive("max_width_mm");
  const auto price = fields.integer("price_cents", 0);
  if (fields.has("destination")) {  // optional: domestic unless said otherwise
    const auto destination = fields.choice<Destination>(
        "destination", {{"domestic", Destination::domestic}, {"international", Destination::international}});
    if (destination) product.destination = *destination;
  }
  fields.reject_unknown();
  if (!name || !weight || !thickness || !min_length || !max_length || !min_width || !max_width || !price)
    return std::nullopt;
  bool ordered = true;
  if (*min_length > *max_length) {
    fields.problem("min_length_mm", "is greater than max_length_mm (" + format_number(*max_length) + ")");
    ordered = false;
  }
  if (*min_width > *max_width) {
    fields.problem("min_width_mm", "is greater than max_width_mm (" + format_number(*max_width) + ")");
    ordered = false;
  }
  if (!ordered) return std::nullopt;
  product.name = *name;
  product.max_weight_g = *weight;
  product.max_thickness_mm = *thickness;
  product.min_length_mm = *min_length;
  product.max_length_mm = *max_length;
  product.min_width_mm = *min_width;
  product.max_width_mm = *max_width;
  product.price_cents = static_cast<long>(*price);
  return product;
}

bool is_currency_code(const std::string& text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Tariff read_tariff(const toml::table& document, const std::string& file, std::vector<Diagnostic>& problems) {
  Tariff tariff;
  TomlFields fields(document, in_file(file), problems);
  if (const auto v = fields.text("name")) tariff.name = *v;
  if (const auto v = fields.date("valid_from")) tariff.valid_from = *v;
  if (const auto v = fields.text("currency")) {
    if (is_currency_code(*v))
      tariff.currency = *v;
    else
      fields.problem("currency", "\"" + *v + "\" is not an ISO 4217 code such as \"EUR\"");
  }

  const auto tables = fields.tables("product", true);
  if (const auto* array = document.get_as<toml::array>("product"); array && array->empty())
    fields.problem("product", "is empty");
  std::map<std::string, std::size_t> names;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const Where at = element(fields.at("product"), i);
    TomlFields product_fields(*tables[i], at, problems);
    auto product = read_product(product_fields);
    if (!product) continue;
    if (const auto [it, fresh] = names.try_emplace(product->name, i); !fresh)
      product_fields.problem("name",
                             "\"" + product->name + "\" is already at product[" + std::to_string(it->second) + "]");
    const auto before = std::find_if(tariff.products.rbegin(), tariff.products.rend(),
                                     [&](const PostageProduct& p) { return p.destination == product->destination; });
    if (before != tariff.products.rend() && product->price_cents < before->price_cents)
      product_fields.problem("price_cents",
                             "is less than the price of the product before it; list products "
                             "from cheapest to dearest");
    tariff.products.push_back(std::move(*product));
  }
  fields.reject_unknown();
  return tariff;
}

}  // namespace kuvert
