#include "file_links.h"

#include <gtest/gtest.h>

namespace creditlens::webhook {
namespace {

TEST(FileLinksTest, PercentEncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("report-2026_03.v2~1.pdf"), "report-2026_03.v2~1.pdf");
  EXPECT_EQ(PercentEncode("März report #1.pdf"), "M%C3%A4rz%20report%20%231.pdf");
  EXPECT_EQ(PercentEncode("a?b&c=d+e;f:g@h,i'j(k)l*m!n$o[p]q%r\"s<t>u{v}w|x^y`z\\"),
            "a%3Fb%26c%3Dd%2Be%3Bf%3Ag%40h%2Ci%27j%28k%29l%2Am%21n%24o%5Bp%5Dq%25r%22s%3Ct%3Eu%7Bv%7Dw%7Cx%"
            "5Ey%60z%5C");
}

TEST(FileLinksTest, LinkJoinsBaseAndNameWithOneSlash) {
  EXPECT_EQ(FileLink("https://files.acme.test/reports", "a b.pdf"),
            "https://files.acme.test/reports/a%20b.pdf");
  EXPECT_EQ(FileLink("https://files.acme.test/reports/", "a.pdf"), "https://files.acme.test/reports/a.pdf");
}

TEST(FileLinksTest, Sha256OfKnownInputs) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileLinksTest, EachAttachmentWithItsSizeDigestAndLink) {
  const std::vector<LinkedFile> files = LinkFiles(
      {{"März.pdf", "application/pdf", "abc", ""}, {"c.png", "image/png", "", "c1"}}, "http://f.test");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "März.pdf");
  EXPECT_EQ(files[0].mime_type, "application/pdf");
  EXPECT_EQ(files[0].bytes, 3u);
  EXPECT_EQ(files[0].sha256, Sha256Hex("abc"));
  EXPECT_EQ(files[0].url, "http://f.test/M%C3%A4rz.pdf");
  EXPECT_EQ(files[1].bytes, 0u);
}

}  // namespace
}  // namespace creditlens::webhook
