#include "pipeline/pdf/page_ink.hpp"

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfObject.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/content_lexer.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"
#include "pipeline/pdf/standard_font_widths.hpp"

namespace kuvert::pdf {
namespace {

using PoDoFo::PdfVariant;
using Kind = ContentToken::Kind;

struct Box {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  bool empty() const { return !(llx < urx && lly < ury); }
};

Box intersection(const Box& a, const Box& b) {
  return {std::max(a.llx, b.llx), std::max(a.lly, b.lly), std::min(a.urx, b.urx), std::min(a.ury, b.ury)};
}

void include(Box& box, bool& started, double x, double y) {
  if (!started) {
    box = {x, y, x, y};
    started = true;
    return;
  }
  box = {std::min(box.llx, x), std::min(box.lly, y), std::max(box.urx, x), std::max(box.ury, y)};
}

// [a b c d e f]: a point (x, y) goes to (a x + c y + e, b x + d y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// `first` applied, then `then`.
Matrix operator*(const Matrix& first, const Matrix& then) {
  return {first.a * then.a + first.b * then.c,          first.a * then.b + first.b * then.d,
          first.c * then.a + first.d * then.c,          first.c * then.b + first.d * then.d,
          first.e * then.a + first.f * then.c + then.e, first.e * then.b + first.f * then.d + then.f};
}

Box transformed(const Box& box, const Matrix& m) {
  Box out;
  bool started = false;
  for (const double x : {box.llx, box.urx})
    for (const double y : {box.lly, box.ury}) include(out, started, m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f);
  return out;
}

// What a font's glyphs take, in thousandths of an em (glyph space scaled).
struct FontMetrics {
  bool two_bytes = false;  // Identity-H/V composite fonts
  std::vector<double> widths = std::vector<double>(256, 1100);
  std::unordered_map<std::uint32_t, double> cid_widths;
  double default_width = 1100;  // no widths known: wider than any Latin glyph
  double descent = -300, ascent = 1100;
  std::string name;       // its /BaseFont
  bool embedded = true;   // a font program in the file (or a Type 3 font's glyphs)
  bool standard = false;  // one of the 14 standard fonts, by name

  double width(std::uint32_t code) const {
    if (!two_bytes) return code < widths.size() ? widths[code] : default_width;
    const auto found = cid_widths.find(code);
    return found == cid_widths.end() ? default_width : found->second;
  }
};

constexpr std::uint32_t kMaxCidWidths = 65536;

}  // namespace

struct FontMetricsCache::Entries {
  std::unordered_map<std::uint32_t, FontMetrics> by_object;
};

FontMetricsCache::FontMetricsCache() : entries_(std::make_unique<Entries>()) {}
FontMetricsCache::~FontMetricsCache() = default;

namespace {

struct GraphicsState {
  Matrix ctm;
  Box clip;
  bool fill_white = false, stroke_white = false;
  int fill_components = 1, stroke_components = 1;  // of the colour space; 0: not a device space
  double line_width = 1;
  double char_spacing = 0, word_spacing = 0, horizontal = 1, leading = 0, rise = 0, font_size = 0;
  int render_mode = 0;
  const FontMetrics* font = nullptr;
};

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

class InkFinder {
 public:
  // With `whole`, every mark in the zones is taken into extent() instead of
  // stopping at the first.
  InkFinder(PdfObjectReader& reader, FontMetricsCache& fonts, std::vector<Box> zones, Box page, bool whole = false)
      : reader_(reader), fonts_(fonts.entries().by_object), zones_(std::move(zones)), page_(page), whole_(whole) {}

  // The union of the ink found in the zones, when `whole`.
  std::optional<Box> extent() const { return extent_started_ ? std::optional<Box>(extent_) : std::nullopt; }

  const std::vector<UnembeddedFont>& unembedded() const { return unembedded_; }

  std::optional<InkMark> page(const PoDoFo::PdfDictionary& page, const PdfVariant& resources) {
    GraphicsState state;
    state.clip = page_;
    // /Contents: a stream, or an array of streams (itself maybe indirect)
    // whose data run on as one.
    std::string content;
    const PoDoFo::PdfObject* contents = page.GetKey("Contents");
    const PdfVariant parts = contents ? reader_.resolve(*contents) : PdfVariant();
    if (parts.IsArray()) {
      for (const auto& part : parts.GetArray()) content += stream_data(part) + "\n";
    } else if (contents != nullptr) {
      content = stream_data(*contents);
    }
    draw(content, resources, state, 0);
    return found_;
  }

 private:
  PdfVariant entry(const PoDoFo::PdfDictionary& dict, const char* key) {
    const PoDoFo::PdfObject* value = dict.GetKey(key);
    return value ? reader_.resolve(*value) : PdfVariant();
  }
  PdfVariant entry(const PdfVariant& dict, const char* key) {
    return dict.IsDictionary() ? entry(dict.GetDictionary(), key) : PdfVariant();
  }

  // A stream's decoded data, given a reference to it ("" for anything else).
  std::string stream_data(const PdfVariant& reference) {
    if (!reference.IsReference()) return "";
    const std::uint32_t number = reference.GetReference().ObjectNumber();
    const IndirectObject object = reader_.load(number);
    if (!object.stream_offset || !object.value.IsDictionary()) return "";
    return reader_.decoded_stream(number, object.value.GetDictionary(), *object.stream_offset);
  }

  std::vector<double> numbers(const PdfVariant& value) {
    std::vector<double> out;
    if (!value.IsArray()) return out;
    for (const auto& item : value.GetArray()) out.push_back(pdf_numeric(reader_.resolve(item)).value_or(0));
    return out;
  }

  const FontMetrics* font(const PdfVariant& resources, const std::string& name) {
    const PdfVariant fonts = entry(resources, "Font");
    if (!fonts.IsDictionary()) return &unknown_font_;
    const PoDoFo::PdfObject* value = fonts.GetDictionary().GetKey(PoDoFo::PdfName(name));
    if (value == nullptr) return &unknown_font_;
    if (value->IsReference()) {
      const std::uint32_t number = value->GetReference().ObjectNumber();
      const auto cached = fonts_.find(number);
      if (cached != fonts_.end()) return &cached->second;
      return &fonts_.emplace(number, metrics(reader_.resolve(*value))).first->second;
    }
    direct_fonts_.push_back(metrics(*value));
    return &direct_fonts_.back();
  }

  bool has_program(const PdfVariant& descriptor) {
    if (!descriptor.IsDictionary()) return false;
    const auto& dict = descriptor.GetDictionary();
    return dict.HasKey("FontFile") || dict.HasKey("FontFile2") || dict.HasKey("FontFile3");
  }

  FontMetrics metrics(const PdfVariant& font) {
    if (!font.IsDictionary()) return FontMetrics{};
    const PdfVariant subtype = entry(font, "Subtype");
    const auto is = [&](const char* name) { return subtype.IsName() && subtype.GetName() == PoDoFo::PdfName(name); };
    // A composite font's widths and descriptor are its descendant's.
    PdfVariant owner = font;
    if (is("Type0")) {
      const PdfVariant descendants = entry(font, "DescendantFonts");
      owner = descendants.IsArray() && !descendants.GetArray().empty() ? reader_.resolve(descendants.GetArray()[0])
                                                                       : PdfVariant();
    }
    FontMetrics m = known_metrics(font, is("Type0"), owner);
    const PdfVariant base = entry(font, "BaseFont");
    m.name = base.IsName() ? base.GetName().GetName() : "(no name)";
    m.standard = is_standard_font(m.name);
    m.embedded = is("Type3") || has_program(entry(owner, "FontDescriptor"));
    return m;
  }

  // What the font's widths and box say about its glyphs; `owner` holds its
  // widths and descriptor (a composite font's descendant).
  FontMetrics known_metrics(const PdfVariant& font, bool composite, const PdfVariant& owner) {
    FontMetrics m;
    if (composite) {
      const PdfVariant encoding = entry(font, "Encoding");
      m.two_bytes = encoding.IsName() && (encoding.GetName() == PoDoFo::PdfName("Identity-H") ||
                                          encoding.GetName() == PoDoFo::PdfName("Identity-V"));
      if (!m.two_bytes || !owner.IsDictionary()) return m;
      const PdfVariant& cid_font = owner;
      m.default_width = pdf_numeric(entry(cid_font, "DW")).value_or(1000);
      const PdfVariant w = entry(cid_font, "W");
      if (w.IsArray()) {
        const auto& items = w.GetArray();
        for (std::size_t i = 0; i + 1 < items.size() && m.cid_widths.size() < kMaxCidWidths;) {
          const auto first = pdf_numeric(reader_.resolve(items[i]));
          const PdfVariant next = reader_.resolve(items[i + 1]);
          if (!first || *first < 0) break;
          if (next.IsArray()) {  // c [w1 w2 ...]
            std::uint32_t cid = static_cast<std::uint32_t>(*first);
            for (const auto& width : next.GetArray()) {
              if (m.cid_widths.size() >= kMaxCidWidths) break;
              m.cid_widths[cid++] = pdf_numeric(reader_.resolve(width)).value_or(m.default_width);
            }
            i += 2;
          } else if (i + 2 < items.size()) {  // c_first c_last w
            const auto last = pdf_numeric(next);
            const double width = pdf_numeric(reader_.resolve(items[i + 2])).value_or(m.default_width);
            if (!last || *last < *first) break;
            for (double cid = *first; cid <= *last && m.cid_widths.size() < kMaxCidWidths; ++cid)
              m.cid_widths[static_cast<std::uint32_t>(cid)] = width;
            i += 3;
          } else {
            break;
          }
        }
      }
    } else {
      double scale = 1;  // Type 3 glyph space to thousandths of text space
      const std::vector<double> matrix = numbers(entry(font, "FontMatrix"));
      if (matrix.size() == 6) scale = std::max(std::abs(matrix[0]), std::abs(matrix[3])) * 1000;
      const PdfVariant widths = entry(font, "Widths");
      const auto first_char = pdf_numeric(entry(font, "FirstChar"));
      const PdfVariant base_font = entry(font, "BaseFont");
      const auto standard =
          !widths.IsArray() && base_font.IsName() ? standard_font_widths(base_font.GetName().GetName()) : std::nullopt;
      if (standard) {
        std::copy(standard->begin(), standard->end(), m.widths.begin());
        m.descent = -250;
        m.ascent = 950;
      } else if (widths.IsArray() && first_char && *first_char >= 0 && *first_char < 256) {
        const PdfVariant descriptor = entry(font, "FontDescriptor");
        const double missing = pdf_numeric(entry(descriptor, "MissingWidth")).value_or(0) * scale;
        std::fill(m.widths.begin(), m.widths.end(), missing);
        const auto& items = widths.GetArray();
        for (std::size_t i = 0; i < items.size() && *first_char + static_cast<double>(i) < 256; ++i)
          m.widths[static_cast<std::size_t>(*first_char) + i] =
              std::abs(pdf_numeric(reader_.resolve(items[i])).value_or(1100 / scale)) * scale;
      }
      if (matrix.size() == 6) {  // a Type 3 font's box is in its glyph space
        const std::vector<double> bbox = numbers(entry(font, "FontBBox"));
        if (bbox.size() == 4) {
          m.descent = std::min({bbox[1], bbox[3], 0.0}) * scale;
          m.ascent = std::max(bbox[1], bbox[3]) * scale;
        }
        return m;
      }
    }
    const std::vector<double> bbox = numbers(entry(entry(owner, "FontDescriptor"), "FontBBox"));
    if (bbox.size() == 4 && bbox[3] > bbox[1]) {
      m.descent = std::min(bbox[1], 0.0);
      m.ascent = std::max(bbox[3], 0.0);
    }
    return m;
  }

  // A mark's box in page space: ink if it reaches into a zone.
  void mark(Box box, const GraphicsState& state, const char* what) {
    if (found_) return;
    box = intersection(box, state.clip);
    if (box.empty()) return;
    // Less than a quarter point is no ink: a glyph's advance ends after its
    // ink, and text set up to the zone's edge would otherwise touch it.
    constexpr double kTouch = 0.25;
    for (const Box& zone : zones_) {
      const Box inside = intersection(box, zone);
      if (inside.urx - inside.llx < kTouch || inside.ury - inside.lly < kTouch) continue;
      if (whole_) {
        include(extent_, extent_started_, inside.llx, inside.lly);
        include(extent_, extent_started_, inside.urx, inside.ury);
        continue;
      }
      constexpr double kMmPerPoint = 25.4 / 72;
      found_ = InkMark{what, (inside.llx - page_.llx) * kMmPerPoint, (page_.ury - inside.ury) * kMmPerPoint};
      return;
    }
  }

  // A string shown with the current font; advances the text matrix.
  void show(const std::string& bytes, GraphicsState& state) {
    const FontMetrics& font = state.font ? *state.font : unknown_font_;
    if (!font.embedded && !bytes.empty() &&
        std::none_of(unembedded_.begin(), unembedded_.end(),
                     [&](const UnembeddedFont& known) { return known.name == font.name; }))
      unembedded_.push_back({font.name, font.standard});
    const double size = state.font_size;
    double advance = 0;
    const std::size_t step = font.two_bytes ? 2 : 1;
    for (std::size_t i = 0; i + step <= bytes.size(); i += step) {
      const std::uint32_t code =
          font.two_bytes ? (static_cast<std::uint8_t>(bytes[i]) << 8) | static_cast<std::uint8_t>(bytes[i + 1])
                         : static_cast<std::uint8_t>(bytes[i]);
      double glyph = font.width(code) / 1000 * size + state.char_spacing;
      if (!font.two_bytes && code == 32) glyph += state.word_spacing;
      advance += glyph * state.horizontal;
    }
    const int mode = state.render_mode;
    const bool fills = (mode == 0 || mode == 2 || mode == 4 || mode == 6) && !state.fill_white;
    const bool strokes = (mode == 1 || mode == 2 || mode == 5 || mode == 6) && !state.stroke_white;
    if ((fills || strokes) && !bytes.empty()) {
      const Box text{std::min(0.0, advance), state.rise + font.descent / 1000 * size, std::max(0.0, advance),
                     state.rise + font.ascent / 1000 * size};
      mark(transformed(text, text_matrix_ * state.ctm), state, "text");
    }
    text_matrix_ = Matrix{1, 0, 0, 1, advance, 0} * text_matrix_;
  }

  void next_line(double tx, double ty) {
    line_matrix_ = Matrix{1, 0, 0, 1, tx, ty} * line_matrix_;
    text_matrix_ = line_matrix_;
  }

  void count_operator() {
    if (++operators_ > kMaxInkOperators)
      reader_.fail("has a page whose content takes more than " + std::to_string(kMaxInkOperators) +
                   " operators to check for ink in the inserter's clear zone");
  }

  void draw_xobject(const std::string& name, const PdfVariant& resources, GraphicsState& state, int depth) {
    const PdfVariant xobjects = entry(resources, "XObject");
    if (!xobjects.IsDictionary()) return;
    const PoDoFo::PdfObject* value = xobjects.GetDictionary().GetKey(PoDoFo::PdfName(name));
    if (value == nullptr || !value->IsReference()) return;
    const PdfVariant xobject = reader_.resolve(*value);
    const PdfVariant subtype = entry(xobject, "Subtype");
    if (!subtype.IsName()) return;
    if (subtype.GetName() == PoDoFo::PdfName("Image")) {
      const PdfVariant mask = entry(xobject, "ImageMask");
      if (!(mask.IsBool() && mask.GetBool() && state.fill_white))
        mark(transformed({0, 0, 1, 1}, state.ctm), state, "an image");
      return;
    }
    if (subtype.GetName() != PoDoFo::PdfName("Form")) return;
    if (depth >= kMaxFormDepth) reader_.fail("has forms nested more than " + std::to_string(kMaxFormDepth) + " deep");
    GraphicsState inner = state;
    const std::vector<double> m = numbers(entry(xobject, "Matrix"));
    if (m.size() == 6) inner.ctm = Matrix{m[0], m[1], m[2], m[3], m[4], m[5]} * state.ctm;
    const std::vector<double> b = numbers(entry(xobject, "BBox"));
    if (b.size() == 4)
      inner.clip = intersection(state.clip, transformed({std::min(b[0], b[2]), std::min(b[1], b[3]),
                                                         std::max(b[0], b[2]), std::max(b[1], b[3])},
                                                        inner.ctm));
    const PdfVariant own = entry(xobject, "Resources");
    const Matrix text = text_matrix_, line = line_matrix_;
    draw(stream_data(*value), own.IsDictionary() ? own : resources, inner, depth + 1);
    text_matrix_ = text;
    line_matrix_ = line;
  }

  void draw(const std::string& content, const PdfVariant& resources, GraphicsState state, int depth);

  PdfObjectReader& reader_;
  std::unordered_map<std::uint32_t, FontMetrics>& fonts_;  // by object number, for the whole file
  std::vector<Box> zones_;
  Box page_;
  bool whole_;
  std::optional<InkMark> found_;
  std::vector<UnembeddedFont> unembedded_;
  Box extent_;
  bool extent_started_ = false;
  std::uint64_t operators_ = 0;
  Matrix text_matrix_, line_matrix_;
  FontMetrics unknown_font_;
  std::vector<FontMetrics> direct_fonts_;
};

void InkFinder::draw(const std::string& content, const PdfVariant& resources, GraphicsState state, int depth) {
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
      if ((fill && !state.fill_white) || (stroke && !state.stroke_white)) mark(box, state, "a path");
      if (clip_pending) state.clip = intersection(state.clip, path);
    }
    path_started = false;
    clip_pending = false;
  };
  while (!found_ && lexer.next(token)) {
    if (dict_depth > 0) {
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
        mark(transformed({0, 0, 1, 1}, state.ctm), state, "an image");
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
        mark(state.clip, state, "a shading");
        break;
      case Op::other:
        break;
    }
    clear_operands();
  }
}

}  // namespace

namespace {

Box page_box(const PageGeometry& box, const RectMm& zone) {
  constexpr double k = kPointsPerMm;
  return {box.llx + zone.x * k, box.ury - (zone.y + zone.height) * k, box.llx + (zone.x + zone.width) * k,
          box.ury - zone.y * k};
}

PdfVariant resources_of(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                        PdfObjectReader& reader) {
  const PoDoFo::PdfObject* own = page.GetKey("Resources");
  return reader.resolve(own ? *own : inherited[kResources]);
}

}  // namespace

PageInk page_ink(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const PageGeometry& box,
                 const std::vector<RectMm>& zones, PdfObjectReader& reader, FontMetricsCache& fonts) {
  std::vector<Box> page_zones;
  for (const RectMm& zone : zones) page_zones.push_back(page_box(box, zone));
  InkFinder finder(reader, fonts, std::move(page_zones), Box{box.llx, box.lly, box.urx, box.ury});
  PageInk ink;
  ink.in_zones = finder.page(page, resources_of(page, inherited, reader));
  ink.unembedded_fonts = finder.unembedded();
  return ink;
}

std::optional<RectMm> ink_extent(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                                 const PageGeometry& box, const RectMm& region, PdfObjectReader& reader,
                                 FontMetricsCache& fonts) {
  InkFinder finder(reader, fonts, {page_box(box, region)}, Box{box.llx, box.lly, box.urx, box.ury}, true);
  finder.page(page, resources_of(page, inherited, reader));
  const auto extent = finder.extent();
  if (!extent) return std::nullopt;
  constexpr double mm = 25.4 / 72;
  return RectMm{(extent->llx - box.llx) * mm, (box.ury - extent->ury) * mm, (extent->urx - extent->llx) * mm,
                (extent->ury - extent->lly) * mm};
}

}  // namespace kuvert::pdf
