#include "pipeline/pdf/content_interpreter.hpp"

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfObject.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <unordered_map>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/content_lexer.hpp"
#include "pipeline/pdf/pdf_entries.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"

namespace kuvert::pdf {
namespace {

using PoDoFo::PdfVariant;
using Kind = ContentToken::Kind;

bool all_at(const std::vector<double>& values, double target) {
  return std::all_of(values.begin(), values.end(), [&](double v) { return std::abs(v - target) < 1e-3; });
}

// White in a device colour space: gray 1, RGB 1 1 1, CMYK 0 0 0 0.
bool is_white(int components, const std::vector<double>& values) {
  if (components == 0 || static_cast<int>(values.size()) != components) return false;
  return components == 4 ? all_at(values, 0) : all_at(values, 1);
}

int components_of(const std::string& space) {
  if (space == "DeviceGray" || space == "G") return 1;
  if (space == "DeviceRGB" || space == "RGB") return 3;
  if (space == "DeviceCMYK" || space == "CMYK") return 4;
  return 0;
}

// The operators that matter here; everything else is passed over.
enum class Op : std::uint8_t {
  other,
  save,
  restore,
  concat,
  line_width,
  move,
  line,
  curve,
  curve_short,
  rect,
  stroke,
  fill,
  fill_stroke,
  end_path,
  clip,
  gray,
  rgb,
  cmyk,
  stroke_gray,
  stroke_rgb,
  stroke_cmyk,
  space,
  stroke_space,
  colour,
  stroke_colour,
  begin_text,
  font,
  char_spacing,
  word_spacing,
  scaling,
  leading,
  rise,
  render,
  move_text,
  move_text_leading,
  text_matrix,
  next_line,
  show,
  next_show,
  spaced_show,
  show_array,
  xobject,
  shading
};

Op op_of(const std::string& keyword) {
  static const std::unordered_map<std::string, Op> kOps = {{"q", Op::save},           {"Q", Op::restore},
                                                           {"cm", Op::concat},        {"w", Op::line_width},
                                                           {"m", Op::move},           {"l", Op::line},
                                                           {"c", Op::curve},          {"v", Op::curve_short},
                                                           {"y", Op::curve_short},    {"re", Op::rect},
                                                           {"S", Op::stroke},         {"s", Op::stroke},
                                                           {"f", Op::fill},           {"F", Op::fill},
                                                           {"f*", Op::fill},          {"B", Op::fill_stroke},
                                                           {"B*", Op::fill_stroke},   {"b", Op::fill_stroke},
                                                           {"b*", Op::fill_stroke},   {"n", Op::end_path},
                                                           {"W", Op::clip},           {"W*", Op::clip},
                                                           {"g", Op::gray},           {"rg", Op::rgb},
                                                           {"k", Op::cmyk},           {"G", Op::stroke_gray},
                                                           {"RG", Op::stroke_rgb},    {"K", Op::stroke_cmyk},
                                                           {"cs", Op::space},         {"CS", Op::stroke_space},
                                                           {"sc", Op::colour},        {"scn", Op::colour},
                                                           {"SC", Op::stroke_colour}, {"SCN", Op::stroke_colour},
                                                           {"BT", Op::begin_text},    {"Tf", Op::font},
                                                           {"Tc", Op::char_spacing},  {"Tw", Op::word_spacing},
                                                           {"Tz", Op::scaling},       {"TL", Op::leading},
                                                           {"Ts", Op::rise},          {"Tr", Op::render},
                                                           {"Td", Op::move_text},     {"TD", Op::move_text_leading},
                                                           {"Tm", Op::text_matrix},   {"T*", Op::next_line},
                                                           {"Tj", Op::show},          {"'", Op::next_show},
                                                           {"\"", Op::spaced_show},   {"TJ", Op::show_array},
                                                           {"Do", Op::xobject},       {"sh", Op::shading}};
  const auto found = kOps.find(keyword);
  return found == kOps.end() ? Op::other : found->second;
}

// Components of the colour the operator sets (g, rg, k and G, RG, K).
int device_components(Op op) {
  if (op == Op::gray || op == Op::stroke_gray) return 1;
  return op == Op::rgb || op == Op::stroke_rgb ? 3 : 4;
}

class Interpreter {
 public:
  Interpreter(PdfObjectReader& reader, FontMetricsCache& fonts, ContentVisitor& visitor)
      : reader_(reader), fonts_(fonts), visitor_(visitor) {}

  void page(const PoDoFo::PdfDictionary& page, const PdfVariant& resources, const Box& page_box) {
    GraphicsState state;
    state.clip = page_box;
    // /Contents: a stream, or an array of streams (itself maybe indirect)
    // whose data run on as one.
    std::string content;
    const PoDoFo::PdfObject* contents = page.GetKey("Contents");
    const PdfVariant parts = contents ? reader_.resolve(*contents) : PdfVariant();
    if (parts.IsArray()) {
      for (const auto& part : parts.GetArray()) content += stream_of(reader_, &part) + "\n";
    } else if (contents != nullptr) {
      content = stream_of(reader_, contents);
    }
    draw(content, resources, state, 0);
  }

 private:
  const FontMetrics* font(const PdfVariant& resources, const std::string& name) {
    const PdfVariant fonts = entry(reader_, resources, "Font");
    if (!fonts.IsDictionary()) return &unknown_font_;
    const PoDoFo::PdfObject* value = fonts.GetDictionary().GetKey(PoDoFo::PdfName(name));
    if (value == nullptr) return &unknown_font_;
    const std::uint32_t number = value->IsReference() ? value->GetReference().ObjectNumber() : 0;
    return &fonts_.font(number, reader_.resolve(*value), reader_, visitor_.reads_text());
  }

  // A string shown with the current font; advances the text matrix.
  void show(const std::string& bytes, GraphicsState& state) {
    const FontMetrics& font = state.font ? *state.font : unknown_font_;
    const double size = state.font_size;
    glyphs_.clear();
    double advance = 0;
    const std::size_t step = font.two_bytes ? 2 : 1;
    for (std::size_t i = 0; i + step <= bytes.size(); i += step) {
      const std::uint32_t code =
          font.two_bytes ? (static_cast<std::uint8_t>(bytes[i]) << 8) | static_cast<std::uint8_t>(bytes[i + 1])
                         : static_cast<std::uint8_t>(bytes[i]);
      double glyph = font.width(code) / 1000 * size + state.char_spacing;
      if (!font.two_bytes && code == 32) glyph += state.word_spacing;
      glyphs_.push_back({code, advance, glyph * state.horizontal});
      advance += glyph * state.horizontal;
    }
    if (!bytes.empty()) visitor_.text(ShownText{font, glyphs_, advance, text_matrix_ * state.ctm, state});
    text_matrix_ = Matrix{1, 0, 0, 1, advance, 0} * text_matrix_;
  }

  void next_line(double tx, double ty) {
    line_matrix_ = Matrix{1, 0, 0, 1, tx, ty} * line_matrix_;
    text_matrix_ = line_matrix_;
  }

  void count_operator() {
    if (++operators_ > kMaxContentOperators)
      reader_.fail("has a page whose content takes more than " + std::to_string(kMaxContentOperators) +
                   " operators to draw; no letter takes as many");
  }

  void draw_xobject(const std::string& name, const PdfVariant& resources, GraphicsState& state, int depth) {
    const PdfVariant xobjects = entry(reader_, resources, "XObject");
    if (!xobjects.IsDictionary()) return;
    const PoDoFo::PdfObject* value = xobjects.GetDictionary().GetKey(PoDoFo::PdfName(name));
    if (value == nullptr || !value->IsReference()) return;
    const PdfVariant xobject = reader_.resolve(*value);
    const PdfVariant subtype = entry(reader_, xobject, "Subtype");
    if (!subtype.IsName()) return;
    if (subtype.GetName() == PoDoFo::PdfName("Image")) {
      const PdfVariant mask = entry(reader_, xobject, "ImageMask");
      if (!(mask.IsBool() && mask.GetBool() && state.fill_white))
        visitor_.ink(transformed({0, 0, 1, 1}, state.ctm), state, "an image");
      return;
    }
    if (subtype.GetName() != PoDoFo::PdfName("Form")) return;
    if (depth >= kMaxFormDepth) reader_.fail("has forms nested more than " + std::to_string(kMaxFormDepth) + " deep");
    GraphicsState inner = state;
    const std::vector<double> m = numbers(reader_, entry(reader_, xobject, "Matrix"));
    if (m.size() == 6) inner.ctm = Matrix{m[0], m[1], m[2], m[3], m[4], m[5]} * state.ctm;
    const std::vector<double> b = numbers(reader_, entry(reader_, xobject, "BBox"));
    if (b.size() == 4)
      inner.clip = intersection(state.clip, transformed({std::min(b[0], b[2]), std::min(b[1], b[3]),
                                                         std::max(b[0], b[2]), std::max(b[1], b[3])},
                                                        inner.ctm));
    const PdfVariant own = entry(reader_, xobject, "Resources");
    const Matrix text = text_matrix_, line = line_matrix_;
    draw(stream_of(reader_, value), own.IsDictionary() ? own : resources, inner, depth + 1);
    text_matrix_ = text;
    line_matrix_ = line;
  }

  void draw(const std::string& content, const PdfVariant& resources, GraphicsState state, int depth);

  PdfObjectReader& reader_;
  FontMetricsCache& fonts_;
  ContentVisitor& visitor_;
  std::uint64_t operators_ = 0;
  Matrix text_matrix_, line_matrix_;
  FontMetrics unknown_font_;
  std::vector<ShownGlyph> glyphs_;
};

void Interpreter::draw(const std::string& content, const PdfVariant& resources, GraphicsState state, int depth) {
  constexpr std::size_t kMaxStates = 4096;
  constexpr std::size_t kMaxOperands = 64;
  std::vector<GraphicsState> saved;
  std::vector<double> nums;
  std::vector<ContentToken> strings_and_names;                     // operands other than numbers, in order
  std::vector<ContentToken> array;                                 // a TJ array's strings and numbers
  std::unordered_map<std::string, const FontMetrics*> fonts_here;  // by resource name
  int array_depth = 0, dict_depth = 0;
  Box path;
  bool path_started = false, clip_pending = false;
  ContentLexer lexer(content);
  ContentToken token;
  const auto clear_operands = [&] {
    nums.clear();
    strings_and_names.clear();
    array.clear();
  };
  const auto point = [&](double x, double y) {
    const Matrix& m = state.ctm;
    include(path, path_started, m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f);
  };
  const auto paint = [&](bool fill, bool stroke) {
    if (path_started) {
      Box box = path;
      if (stroke) {
        const double scale = std::sqrt(std::abs(state.ctm.a * state.ctm.d - state.ctm.b * state.ctm.c));
        const double half = std::max(state.line_width, 1.0) * scale / 2;
        box = {box.llx - half, box.lly - half, box.urx + half, box.ury + half};
      }
      if ((fill && !state.fill_white) || (stroke && !state.stroke_white)) visitor_.ink(box, state, "a path");
      if (clip_pending) state.clip = intersection(state.clip, path);
    }
    path_started = false;
    clip_pending = false;
  };
  while (!visitor_.done() && lexer.next(token)) {
    if (dict_depth > 0) {
      if (token.kind == Kind::name && token.text == "ActualText") visitor_.actual_text();
      if (token.kind == Kind::dict_begin) ++dict_depth;
      if (token.kind == Kind::dict_end) --dict_depth;
      continue;
    }
    if (array_depth > 0) {
      if (token.kind == Kind::array_begin)
        ++array_depth;
      else if (token.kind == Kind::array_end)
        --array_depth;
      else if (array_depth == 1 && (token.kind == Kind::string || token.kind == Kind::number))
        array.push_back(token);
      continue;
    }
    switch (token.kind) {
      case Kind::number:
        if (nums.size() < kMaxOperands) nums.push_back(token.number);
        continue;
      case Kind::string:
      case Kind::name:
        if (strings_and_names.size() < kMaxOperands) strings_and_names.push_back(token);
        continue;
      case Kind::array_begin:
        array.clear();
        array_depth = 1;
        continue;
      case Kind::dict_begin:
        dict_depth = 1;
        continue;
      case Kind::array_end:
      case Kind::dict_end:
        continue;
      case Kind::inline_image:
        count_operator();
        visitor_.ink(transformed({0, 0, 1, 1}, state.ctm), state, "an image");
        clear_operands();
        continue;
      case Kind::keyword:
        break;
    }
    count_operator();
    const auto n = [&](std::size_t count) { return nums.size() >= count; };
    const auto last = [&](std::size_t from_end) { return nums[nums.size() - from_end]; };
    const auto name = [&]() -> std::string {
      for (auto it = strings_and_names.rbegin(); it != strings_and_names.rend(); ++it)
        if (it->kind == Kind::name) return it->text;
      return "";
    };
    const auto string = [&]() -> std::string {
      for (auto it = strings_and_names.rbegin(); it != strings_and_names.rend(); ++it)
        if (it->kind == Kind::string) return it->text;
      return "";
    };
    const Op op = op_of(token.text);
    switch (op) {
      case Op::save:
        if (saved.size() < kMaxStates) saved.push_back(state);
        break;
      case Op::restore:
        if (!saved.empty()) {
          state = saved.back();
          saved.pop_back();
        }
        break;
      case Op::concat:
        if (n(6)) state.ctm = Matrix{last(6), last(5), last(4), last(3), last(2), last(1)} * state.ctm;
        break;
      case Op::line_width:
        if (n(1)) state.line_width = std::abs(last(1));
        break;
      case Op::move:
      case Op::line:
        if (n(2)) point(last(2), last(1));
        break;
      case Op::curve:
        if (n(6))
          for (std::size_t i = 6; i >= 2; i -= 2) point(last(i), last(i - 1));
        break;
      case Op::curve_short:
        if (n(4)) {
          point(last(4), last(3));
          point(last(2), last(1));
        }
        break;
      case Op::rect:
        if (n(4)) {
          const double x = last(4), y = last(3), w = last(2), h = last(1);
          point(x, y);
          point(x + w, y);
          point(x, y + h);
          point(x + w, y + h);
        }
        break;
      case Op::stroke:
        paint(false, true);
        break;
      case Op::fill:
        paint(true, false);
        break;
      case Op::fill_stroke:
        paint(true, true);
        break;
      case Op::end_path:
        paint(false, false);
        break;
      case Op::clip:
        clip_pending = true;
        break;
      case Op::gray:
      case Op::rgb:
      case Op::cmyk:
        state.fill_components = device_components(op);
        state.fill_white = is_white(state.fill_components, nums);
        break;
      case Op::stroke_gray:
      case Op::stroke_rgb:
      case Op::stroke_cmyk:
        state.stroke_components = device_components(op);
        state.stroke_white = is_white(state.stroke_components, nums);
        break;
      case Op::space:
        state.fill_components = components_of(name());
        state.fill_white = false;
        break;
      case Op::stroke_space:
        state.stroke_components = components_of(name());
        state.stroke_white = false;
        break;
      case Op::colour:
        state.fill_white = strings_and_names.empty() && is_white(state.fill_components, nums);
        break;
      case Op::stroke_colour:
        state.stroke_white = strings_and_names.empty() && is_white(state.stroke_components, nums);
        break;
      case Op::begin_text:
        text_matrix_ = line_matrix_ = Matrix{};
        break;
      case Op::font:
        if (n(1)) {
          state.font_size = last(1);
          const std::string font_name = name();
          const auto cached = fonts_here.find(font_name);
          state.font = cached != fonts_here.end()
                           ? cached->second
                           : fonts_here.emplace(font_name, font(resources, font_name)).first->second;
        }
        break;
      case Op::char_spacing:
        if (n(1)) state.char_spacing = last(1);
        break;
      case Op::word_spacing:
        if (n(1)) state.word_spacing = last(1);
        break;
      case Op::scaling:
        if (n(1)) state.horizontal = last(1) / 100;
        break;
      case Op::leading:
        if (n(1)) state.leading = last(1);
        break;
      case Op::rise:
        if (n(1)) state.rise = last(1);
        break;
      case Op::render:
        // Modes are 0 to 7; any other number is read as filling, the cautious guess for a clear zone.
        if (n(1)) state.render_mode = last(1) >= 0 && last(1) < 8 ? static_cast<int>(last(1)) : 0;
        break;
      case Op::move_text:
        if (n(2)) next_line(last(2), last(1));
        break;
      case Op::move_text_leading:
        if (n(2)) {
          state.leading = -last(1);
          next_line(last(2), last(1));
        }
        break;
      case Op::text_matrix:
        if (n(6)) {
          line_matrix_ = Matrix{last(6), last(5), last(4), last(3), last(2), last(1)};
          text_matrix_ = line_matrix_;
        }
        break;
      case Op::next_line:
        next_line(0, -state.leading);
        break;
      case Op::show:
        show(string(), state);
        break;
      case Op::next_show:
        next_line(0, -state.leading);
        show(string(), state);
        break;
      case Op::spaced_show:
        if (n(2)) {
          state.word_spacing = last(2);
          state.char_spacing = last(1);
        }
        next_line(0, -state.leading);
        show(string(), state);
        break;
      case Op::show_array:
        for (const auto& item : array) {
          if (item.kind == Kind::string)
            show(item.text, state);
          else
            text_matrix_ =
                Matrix{1, 0, 0, 1, -item.number / 1000 * state.font_size * state.horizontal, 0} * text_matrix_;
        }
        break;
      case Op::xobject:
        draw_xobject(name(), resources, state, depth);
        break;
      case Op::shading:
        visitor_.ink(state.clip, state, "a shading");
        break;
      case Op::other:
        break;
    }
    clear_operands();
  }
}

}  // namespace

void interpret_page(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const Box& page_box,
                    PdfObjectReader& reader, FontMetricsCache& fonts, ContentVisitor& visitor) {
  fonts.start_page();
  const PoDoFo::PdfObject* own = page.GetKey("Resources");
  Interpreter(reader, fonts, visitor).page(page, reader.resolve(own ? *own : inherited[kResources]), page_box);
}

}  // namespace kuvert::pdf
