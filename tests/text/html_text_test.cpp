#include "text/html_text.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "text/detail/css.h"
#include "text/detail/html_scan.h"
#include "text/detail/html_tokenizer.h"

namespace extortrace::text {
namespace {

bool Has(unsigned tricks, HtmlTrick t) { return (tricks & static_cast<unsigned>(t)) != 0; }

TEST(HtmlText, BlocksAndInlineWhitespace) {
  HtmlText h = HtmlToText(
      "<html><head><title>T</title><style>p{color:red}</style><script>var x=1;</script></head>"
      "<body><p>Hello   <b>dear</b>\n  friend</p><div>Pay<br>now</div><ul><li>a</li><li>b</li>"
      "</ul></body></html>");
  EXPECT_EQ(h.visible, "Hello dear friend\nPay\nnow\na\nb");
  EXPECT_EQ(h.hidden, "");
  EXPECT_EQ(h.tricks, 0u);
}

TEST(HtmlText, ImagesAndLinks) {
  HtmlText h = HtmlToText(
      "<p><a href='https://x.example/pay'>pay</a><img src='cid:qr@x'><img src=\"a.png\"></p>");
  ASSERT_EQ(h.links.size(), 1u);
  EXPECT_EQ(h.links[0], "https://x.example/pay");
  ASSERT_EQ(h.image_sources.size(), 2u);
  EXPECT_EQ(h.image_sources[0], "cid:qr@x");
}

struct HidingCase {
  const char* html;
  HtmlTrick trick;
};

TEST(HtmlText, EachHidingTrick) {
  const HidingCase cases[] = {
      {"<span style=\"display:none\">junk</span>", HtmlTrick::kDisplayNone},
      {"<span style=\"DISPLAY : None !important\">junk</span>", HtmlTrick::kDisplayNone},
      {"<div hidden>junk</div>", HtmlTrick::kDisplayNone},
      {"<span style='visibility:hidden'>junk</span>", HtmlTrick::kVisibilityHidden},
      {"<span style='font-size:0'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<span style='font-size: 0px'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<span style='font-size:0pt'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<span style='font-size:0em'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<span style='font-size:0%'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<span style='font-size:1px'>junk</span>", HtmlTrick::kZeroFontSize},
      {"<div style='width:0;height:0;overflow:hidden'>junk</div>", HtmlTrick::kZeroSize},
      {"<div style='height:0px'>junk</div>", HtmlTrick::kZeroSize},
      {"<div style='max-height:0'>junk</div>", HtmlTrick::kZeroSize},
      {"<span style='opacity:0'>junk</span>", HtmlTrick::kOpacityZero},
      {"<span style='opacity:0.0'>junk</span>", HtmlTrick::kOpacityZero},
      {"<span style='color:#fff'>junk</span>", HtmlTrick::kSameColour},
      {"<span style='color:white'>junk</span>", HtmlTrick::kSameColour},
      {"<span style='color:rgb(255, 255, 255)'>junk</span>", HtmlTrick::kSameColour},
      {"<span style='background-color:#000000'><b style='color:black'>junk</b></span>",
       HtmlTrick::kSameColour},
      {"<span style='background:#123456 url(x.png)'><i style='color:#123456'>junk</i></span>",
       HtmlTrick::kSameColour},
      {"<font color=\"#FFFFFF\">junk</font>", HtmlTrick::kSameColour},
      {"<style>.h{display:none}</style><span class='x h'>junk</span>", HtmlTrick::kDisplayNone},
      {"<style>\n.A, .b { font-size: 0 !important; }</style><span class='a'>junk</span>",
       HtmlTrick::kZeroFontSize},
      {"<style>#uc{display:none;}</style><u id=\"UC\">junk</u>", HtmlTrick::kDisplayNone},
      {"<style>@media screen { .m { visibility: hidden } }</style><b class=m>junk</b>",
       HtmlTrick::kVisibilityHidden},
      {"<span style='text-indent:-9999px'>junk</span>", HtmlTrick::kZeroSize},
      {"<span style='color:transparent'>junk</span>", HtmlTrick::kOpacityZero},
      {"<span style='mso-hide:all'>junk</span>", HtmlTrick::kDisplayNone},
  };
  for (const HidingCase& c : cases) {
    // A block inside <p> would close the <p> (HTML parsing rules): use <div>.
    std::string html = std::string("<div>Pay bit") + c.html + "coin now</div>";
    HtmlText h = HtmlToText(html);
    EXPECT_EQ(h.visible, "Pay bitcoin now") << c.html;
    EXPECT_EQ(h.hidden, "junk") << c.html;
    EXPECT_TRUE(Has(h.tricks, c.trick)) << c.html;
    EXPECT_EQ(HtmlTrickNames(h.tricks), std::vector<std::string>{"hidden-html"}) << c.html;
  }
}

TEST(HtmlText, BodyBackgroundAndDefaultWhite) {
  HtmlText h =
      HtmlToText("<body bgcolor=\"#000\"><p>junk</p><p><font color=yellow>ok</font></p></body>");
  EXPECT_EQ(h.visible, "ok");
  EXPECT_EQ(h.hidden, "junk");
  EXPECT_TRUE(Has(h.tricks, HtmlTrick::kSameColour));
  // White text on the default (white) background is hidden; near-white too.
  h = HtmlToText("<p>visible <font color=#fefefe>junk</font></p>");
  EXPECT_EQ(h.visible, "visible");
  EXPECT_EQ(h.hidden, "junk");
}

TEST(HtmlText, TableBackground) {
  HtmlText h = HtmlToText(
      "<table bgcolor=red><tr><td>Pay</td><td><font color=#ff0000>junk</font></td></tr></table>");
  EXPECT_EQ(h.visible, "Pay");
  EXPECT_EQ(h.hidden, "junk");
  EXPECT_TRUE(Has(h.tricks, HtmlTrick::kSameColour));
}

TEST(HtmlText, VisibleColoursAreNotHidden) {
  for (const char* html :
       {"<span style='color:#333'>ok</span>", "<font color=red>ok</font>",
        "<div style='background:#000'><span style='color:#fff'>ok</span></div>",
        "<span style='font-size:12px;opacity:1'>ok</span>", "<div style='width:100%'>ok</div>"}) {
    HtmlText h = HtmlToText(html);
    EXPECT_EQ(h.visible, "ok") << html;
    EXPECT_EQ(h.tricks, 0u) << html;
  }
}

TEST(HtmlText, AllEntitiesBodyIsReadable) {
  std::string plain = "Your device was hacked. Pay 0.05 BTC to my wallet within 48 hours.";
  std::string html = "<html><body><p>";
  for (char c : plain)
    html += "&#x" + std::to_string(0) + [&] {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%X;", static_cast<unsigned>(c));
      return std::string(buf);
    }();
  html += "</p></body></html>";
  HtmlText h = HtmlToText(html);
  EXPECT_EQ(h.visible, plain);
  EXPECT_TRUE(Has(h.tricks, HtmlTrick::kCharacterReferences));
  EXPECT_EQ(HtmlTrickNames(h.tricks), std::vector<std::string>{"html-entities"});
  // A few entities in normal HTML are not a trick.
  h = HtmlToText("<p>Tom &amp; Jerry &copy; 2024 &mdash; all rights reserved, see you</p>");
  EXPECT_FALSE(Has(h.tricks, HtmlTrick::kCharacterReferences));
}

TEST(HtmlText, CommentSplitWordJoinsWithoutSpace) {
  HtmlText h = HtmlToText("<p>Send bit<!-- x -->coin to wal<!---->let</p>");
  EXPECT_EQ(h.visible, "Send bitcoin to wallet");
  EXPECT_TRUE(Has(h.tricks, HtmlTrick::kComments));
  EXPECT_EQ(HtmlTrickNames(h.tricks), std::vector<std::string>{"html-comments"});
  // A comment after a space is layout, not a split word.
  h = HtmlToText("<p>stored continously  <!--StartFragment-->during the trip<!--End-->.</p>");
  EXPECT_EQ(h.visible, "stored continously during the trip.");
  EXPECT_FALSE(Has(h.tricks, HtmlTrick::kComments));
  h = HtmlToText("<!-- header --><p>Hello</p><!-- footer -->");
  EXPECT_EQ(h.visible, "Hello");
  EXPECT_FALSE(Has(h.tricks, HtmlTrick::kComments));
}

TEST(HtmlText, DeepNestingFallsBack) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep text";
  HtmlText h = HtmlToText(html);
  EXPECT_NE(h.visible.find("deep text"), std::string::npos);
}

TEST(HtmlText, HugeInputIsTruncated) {
  std::string html = "<p>start</p>" + std::string(5u << 20, 'a');
  HtmlText h = HtmlToText(html);
  EXPECT_EQ(h.visible.substr(0, 6), "start\n");
  EXPECT_LE(h.visible.size(), 4u << 20);
}

TEST(HtmlTokenizer, LookupTagAgreesWithGumbo) {
  for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
    const std::string name = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    std::string upper = name, mixed = name;
    for (size_t i = 0; i < name.size(); ++i) {
      upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
      if (i % 2 == 0) mixed[i] = upper[i];
    }
    for (const std::string& v : {name, upper, mixed}) {
      EXPECT_EQ(detail::LookupTag(v), gumbo_tagn_enum(v.data(), static_cast<unsigned>(v.size())))
          << v;
    }
  }
  for (std::string_view v : {"o:p", "xyz", "spanx", "spa", "h7", "\xc3\xa9", "ANNOTATION-XML",
                             "annotation-xmlx", "verylongtagname-over-sixteen", "a\x01"}) {
    EXPECT_EQ(detail::LookupTag(v), gumbo_tagn_enum(v.data(), static_cast<unsigned>(v.size())))
        << v;
  }
}

// The tokenizer's lookup loads 16 bytes and masks off what follows the name.
TEST(HtmlTokenizer, LookupTagPaddedAgreesWithLookupTag) {
  std::vector<std::string> names;
  for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
    const std::string name = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    names.push_back(name);
    names.push_back(upper);
  }
  for (const char* v :
       {"o:p", "xyz", "spanx", "spa", "h7", "\xc3\xa9", "ANNOTATION-XML", "annotation-xmlx",
        "annotation-xmlxy", "verylongtagname-over-sixteen", "a\x01", "B@", "[a", "Z{",
        "\xc1\xda"
        "A",
        "DIV\xe4", "TaBlE"}) {
    names.push_back(v);
  }
  for (const std::string& v : names) {
    for (const char* tail : {" x=\"1\"> ............", ">ABCDEFGHIJKLMNOPQRSTU"}) {
      const std::string buf = v + tail;
      EXPECT_EQ(detail::LookupTagPadded(buf.data(), v.size()), detail::LookupTag(v)) << v;
    }
  }
}

// The tokenizer reuses one token: attributes of a tag must not reach the next.
TEST(HtmlText, AttributesDoNotCarryOverToTheNextTag) {
  HtmlText h = HtmlToText(
      "<p><span style='display:none' class=a id=b>gone</span><span>kept</span>"
      "<a href='https://x.example/'>x</a><a>y</a><img src='cid:1'><img></p>");
  EXPECT_EQ(h.visible, "keptxy");
  EXPECT_EQ(h.hidden, "gone");
  EXPECT_EQ(h.links.size(), 1u);
  EXPECT_EQ(h.image_sources.size(), 1u);
}

TEST(Css, PropertyAndValueSpellings) {
  using detail::ParseStyle;
  const unsigned none = static_cast<unsigned>(HtmlTrick::kDisplayNone);
  EXPECT_EQ(ParseStyle("DIS PLAY : No Ne !important").hide, none);
  EXPECT_EQ(ParseStyle("color:red;display:none").hide, none);
  EXPECT_EQ(ParseStyle("display-none-and-a-long-property:none").hide, 0u);
  EXPECT_EQ(ParseStyle("displayxxxxxxxxxxxxxxxxxxx:none").hide, 0u);
  EXPECT_EQ(ParseStyle("line-height:0").hide, 0u);
  EXPECT_EQ(ParseStyle("max-height:0px;overflow:hidden").hide,
            static_cast<unsigned>(HtmlTrick::kZeroSize));
  EXPECT_EQ(ParseStyle("margin-left:-9999px").hide, static_cast<unsigned>(HtmlTrick::kZeroSize));
  EXPECT_EQ(ParseStyle("opacity:0.01").hide, static_cast<unsigned>(HtmlTrick::kOpacityZero));
  EXPECT_EQ(ParseStyle("color: rgba(0,0,0,0)").hide,
            static_cast<unsigned>(HtmlTrick::kOpacityZero));
  EXPECT_EQ(ParseStyle("font: 0/0 a").hide, static_cast<unsigned>(HtmlTrick::kZeroFontSize));
  // Values longer than the parser's stack buffer.
  const std::string pad(300, ' ');
  EXPECT_EQ(ParseStyle("display:" + pad + "none" + pad).hide, none);
  EXPECT_EQ(ParseStyle("color:rgb(255," + pad + "255, 255)").color, detail::Rgb{0xFFFFFF});
  EXPECT_EQ(ParseStyle("background: url(x.png) no-repeat #FFF").background, detail::Rgb{0xFFFFFF});
  EXPECT_EQ(ParseStyle("background-color:#000;color:blue").background, detail::Rgb{0});
  EXPECT_EQ(ParseStyle("font-size:" + std::string(40, '0') + "1px").hide,
            static_cast<unsigned>(HtmlTrick::kZeroFontSize));
}

TEST(HtmlText, NamedReferences) {
  HtmlText h = HtmlToText(
      "<p>&notit; &notin; &NotNestedGreaterGreater; &amp &ampx &AMP; &zwnj;&Aacute;&unknown; "
      "&a &#x41;</p><a href='?a=1&copy=2&amp;b'>x</a>");
  EXPECT_EQ(
      h.visible,
      "\xc2\xacit; \xe2\x88\x89 \xe2\xaa\xa2\xcc\xb8 & &x & \xe2\x80\x8c\xc3\x81&unknown; &a A\nx");
  EXPECT_EQ(
      HtmlToTextReference("<p>&notit; &notin; &NotNestedGreaterGreater; &amp &ampx</p>").visible,
      "\xc2\xacit; \xe2\x88\x89 \xe2\xaa\xa2\xcc\xb8 & &x");
  ASSERT_EQ(h.links.size(), 1u);
  EXPECT_EQ(h.links[0], "?a=1&copy=2&b");
}

TEST(HtmlText, WhitespaceAcrossTextNodes) {
  EXPECT_EQ(HtmlToText("  a <b> b </b>\n\t c<div>  d  </div> e <br>  f").visible, "a b c\nd\ne\nf");
  EXPECT_EQ(HtmlToText("<pre> x\n  y</pre>z").visible, "x\ny\nz");  // blanks after a line break go
}

// Input cleaning: controls, C1 and noncharacters as gumbo's input stream
// treats them (the reference is the oracle); NUL is dropped.
TEST(HtmlText, CleanedInputMatchesReference) {
  const std::string in(
      "<p>a\0b\x01"
      "c\x7f"
      "d\xc2\x85"
      "e\xef\xb7\x90"
      "f\xef\xbf\xbe"
      "g\xf0\x9f\xbf\xbf"
      "h</p>",
      30);
  EXPECT_EQ(HtmlToText(in).visible, HtmlToTextReference(in).visible);
  EXPECT_EQ(HtmlToText(in).visible,
            "ab\xef\xbf\xbd"
            "c\xef\xbf\xbd"
            "d\xef\xbf\xbd"
            "e\xef\xbf\xbd"
            "f\xef\xbf\xbd"
            "g\xef\xbf\xbd"
            "h");
  // Ill-formed UTF-8 gets one U+FFFD per byte (SanitizeUtf8; gumbo replaces a
  // truncated sequence once), then the same cleaning.
  EXPECT_EQ(HtmlToText("<p>ok \xc3\xa9 \xff bad \xe2\x82 cut\x01</p>").visible,
            "ok \xc3\xa9 \xef\xbf\xbd bad \xef\xbf\xbd\xef\xbf\xbd cut\xef\xbf\xbd");
  EXPECT_EQ(HtmlToText("<p>\x0b\x0bx</p><p>\xc2\x80\xc2\x9f\xc2\xa0y\xe2\x82").visible,
            "\xef\xbf\xbd\xef\xbf\xbdx\n\xef\xbf\xbd\xef\xbf\xbd\xc2\xa0y\xef\xbf\xbd\xef\xbf\xbd");
}

TEST(StripTagsFallback, PlainTextWithTags) {
  EXPECT_EQ(StripTagsFallback("Hello</br>pay <b>now</b> &amp; 1 < 2"), "Hello\npay now & 1 < 2");
  EXPECT_EQ(StripTagsFallback("&#98;&#x69;tcoin<p>x"), "bitcoin\nx");
  EXPECT_EQ(StripTagsFallback("a & b &amp c &lt;d&gt; <3 <x"), "a & b &amp c <d> <3 <x");
}

}  // namespace
}  // namespace extortrace::text

namespace extortrace::text {
namespace {

bool NaiveSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// AppendCollapsed and SkipBlank (sixteen bytes at a time) against byte loops,
// on strings built from words, single and double blanks of every kind.
TEST(HtmlScan, CollapseAndSkipBlankAgreeWithByteLoops) {
  const char* pieces[] = {
      "a",        "word", "longerwordthanxx", " ", "  ", "\t", "\n", "\v", "\f", "\r",
      "\xc3\xa9", "x y",  "0123456789abcdef"};
  uint32_t seed = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int count = static_cast<int>(seed % 40);
    for (int k = 0; k < count; ++k) {
      seed = seed * 1103515245u + 12345u;
      s += pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
    }
    seed = seed * 1103515245u + 12345u;
    for (const std::string& prefix : {std::string(), std::string("x"), std::string("x ")}) {
      std::string want = prefix;
      bool space = false;
      for (char c : s) {
        if (NaiveSpace(c)) {
          space = true;
          continue;
        }
        if (space && !want.empty() && want.back() != ' ') want.push_back(' ');
        space = false;
        want.push_back(c);
      }
      if (space && !want.empty() && want.back() != ' ') want.push_back(' ');
      std::string got = prefix;
      detail::AppendCollapsed(s, &got);
      EXPECT_EQ(got, want) << s;
    }
    for (bool vt : {false, true}) {
      for (size_t from = 0; from <= s.size(); from += 7) {
        size_t want = from;
        while (want < s.size() && NaiveSpace(s[want]) && (vt || s[want] != '\v')) ++want;
        EXPECT_EQ(detail::SkipBlank(s, from, vt), want) << s;
      }
    }
  }
}

// Plain text written as references: every letter, only the key words, or
// named references for most of the text.
TEST(DecodeDisguisedReferences, DecodesDenseReferences) {
  std::string out;
  ASSERT_TRUE(DecodeDisguisedReferences("&#x50;&#x61;&#x79; &#116;&#111; me", &out));
  EXPECT_EQ(out, "Pay to me");
  ASSERT_TRUE(DecodeDisguisedReferences(
      "Send the b&#105;tc&#111;in now, the v&#105;de&#111; goes out tonight.", &out));
  EXPECT_EQ(out, "Send the bitcoin now, the video goes out tonight.");
  ASSERT_TRUE(DecodeDisguisedReferences(
      "&eacute;&agrave;&ccedil;&ecirc;&ocirc; &euml;&iuml;&uuml;&ouml;&auml; &amp; more", &out));
  EXPECT_EQ(out,
            "\xC3\xA9\xC3\xA0\xC3\xA7\xC3\xAA\xC3\xB4 "
            "\xC3\xAB\xC3\xAF\xC3\xBC\xC3\xB6\xC3\xA4 & more");
}

// Ordinary plain text keeps its occasional references as written.
TEST(DecodeDisguisedReferences, LeavesOrdinaryTextAlone) {
  std::string out = "untouched";
  EXPECT_FALSE(DecodeDisguisedReferences("Q&amp;A on Tuesday, R&amp;D on Friday.", &out));
  EXPECT_FALSE(DecodeDisguisedReferences("no references here", &out));
  EXPECT_FALSE(DecodeDisguisedReferences("a &lt;b&gt; tag &amp; three &#8217;quotes&#8217;", &out));
  // Three letters as references are not yet a pattern.
  EXPECT_FALSE(DecodeDisguisedReferences("&#65;&#66;&#67; is the start of the alphabet", &out));
  // Ten named references lost in a long text are not dense.
  std::string long_text(2000, 'x');
  for (int i = 0; i < 10; ++i) long_text += " &amp; y";
  EXPECT_FALSE(DecodeDisguisedReferences(long_text, &out));
  EXPECT_EQ(out, "untouched");
}

}  // namespace
}  // namespace extortrace::text
