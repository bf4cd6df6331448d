#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {
namespace {

std::optional<EnvelopeProfile> read_envelope(TomlFields& fields, const std::string& name) {
  EnvelopeProfile envelope;
  envelope.name = name;
  const auto format = fields.text("format");
  const auto width = fields.positive("width_mm");
  const auto height = fields.positive("height_mm");
  const auto weight = fields.positive("weight_g");
  const auto thickness = fields.positive("thickness_mm");
  const auto layers = fields.integer("fold_layers", 1, 4);
  const auto window_x = fields.number("window_x_mm");
  const auto window_bottom = fields.number("window_bottom_mm");
  const auto window_width = fields.positive("window_width_mm");
  const auto window_height = fields.positive("window_height_mm");
  const auto play = fields.number("play_mm", 0, 100);
  fields.reject_unknown();
  if (!format || !width || !height || !weight || !thickness || !layers || !window_x || !window_bottom ||
      !window_width || !window_height || !play)
    return std::nullopt;

  bool fits = true;
  if (*window_x + *window_width > *width) {
    fields.problem("window_width_mm", "the window (" + format_number(*window_x) + " + " + format_number(*window_width) +
                                          " mm) is wider than the envelope (" + format_number(*width) + " mm)");
    fits = false;
  }
  if (*window_bottom + *window_height > *height) {
    fields.problem("window_height_mm", "the window (" + format_number(*window_bottom) + " + " +
                                           format_number(*window_height) + " mm) is higher than the envelope (" +
                                           format_number(*height) + " mm)");
    fits = false;
  }
  if (!fits) return std::nullopt;

  envelope.format = *format;
  envelope.width_mm = *width;
  envelope.height_mm = *height;
  envelope.weight_g = *weight;
  envelope.thickness_mm = *thickness;
  envelope.fold_layers = static_cast<int>(*layers);
  envelope.window_x_mm = *window_x;
  envelope.window_bottom_mm = *window_bottom;
  envelope.window_width_mm = *window_width;
  envelope.window_height_mm = *window_height;
  envelope.play_mm = *play;
  return envelope;
}

}  // namespace

std::map<std::string, EnvelopeProfile> read_envelopes(const toml::table& document, const std::string& file,
                                                      std::vector<Diagnostic>& problems) {
  return read_stocks<EnvelopeProfile>(document, file, "envelope", problems, read_envelope);
}

}  // namespace kuvert
