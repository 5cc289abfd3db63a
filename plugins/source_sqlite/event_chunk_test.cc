#include "event_chunk.h"

#include <gtest/gtest.h>

#include <random>

namespace creditlens::sqlite {
namespace {

UsageEvent Sample(int i) {
  UsageEvent e;
  e.id = "ev" + std::to_string(i);
  e.ts_ms = 1'767'225'600'000 + std::int64_t{i % 7} * 1000 -
            std::int64_t{i % 3} * 5000;  // not monotonic: deltas go both ways
  e.workspace_id = i % 2 ? "ws1" : "ws2";
  e.category = "deploy";
  e.feature = i % 3 ? "inference" : "storage";
  e.credits = 1'000'000 + i;
  if (i % 4) e.quantity = i * 10;
  if (i % 5 == 0) e.data_bytes = std::int64_t{1} << 40;
  e.folder = i % 2 ? "/prod/eu" : "";
  e.api_key = "key" + std::to_string(i % 3);
  e.run_id = "run-" + std::to_string(i / 10);
  return e;
}

// Adds an event with its text fields interned in texts.
void Add(EventChunkWriter& writer, TextCodes& texts, const UsageEvent& e) {
  EventTextCodes codes;
  for (std::size_t f = 0; f < kChunkTextFields; ++f)
    codes[f] = texts.Code(TextField(e, static_cast<ChunkText>(f)));
  writer.Add(e, codes, texts);
}

TEST(EventChunk, RoundTripsEveryField) {
  EventChunkWriter writer;
  TextCodes texts;
  for (int i = 0; i < 1000; ++i) Add(writer, texts, Sample(i));
  EXPECT_EQ(writer.count(), 1000u);
  const std::string bytes = writer.Finish();
  EXPECT_TRUE(writer.empty());
  EXPECT_LT(bytes.size(), 1000u * 40) << "repeated text is stored once per chunk";

  EventChunkReader reader(bytes);
  ASSERT_EQ(reader.count(), 1000u);
  ChunkEvent e;
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(reader.Next(e));
    const UsageEvent want = Sample(i);
    EXPECT_EQ(e.id, want.id);
    EXPECT_EQ(e.ts_ms, want.ts_ms);
    EXPECT_EQ(e.credits, want.credits);
    EXPECT_EQ(e.quantity, want.quantity.value_or(-1));
    EXPECT_EQ(e.data_bytes, want.data_bytes.value_or(-1));
    EXPECT_EQ(e[ChunkText::kWorkspace], want.workspace_id);
    EXPECT_EQ(e[ChunkText::kFeature], want.feature);
    EXPECT_EQ(e[ChunkText::kFolder], want.folder);
    EXPECT_EQ(e[ChunkText::kApiKey], want.api_key);
    EXPECT_EQ(e[ChunkText::kRun], want.run_id);
    EXPECT_EQ(e[ChunkText::kModule], "");
  }
  EXPECT_FALSE(reader.Next(e));

  // A second chunk from the same writer has its own dictionary.
  Add(writer, texts, Sample(1));
  EventChunkReader second(writer.Finish());
  ASSERT_TRUE(second.Next(e));
  EXPECT_EQ(e[ChunkText::kFolder], "/prod/eu");
  EXPECT_EQ(e[ChunkText::kApiKey], "key1");
}

TEST(EventChunk, CorruptBytesAreAnErrorNotACrash) {
  EventChunkWriter writer;
  TextCodes texts;
  for (int i = 0; i < 50; ++i) Add(writer, texts, Sample(i));
  const std::string bytes = writer.Finish();
  EXPECT_THROW(EventChunkReader("nonsense"), std::runtime_error);
  std::mt19937_64 random(7);
  int truncated = 0, truncated_refused = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::string damaged = bytes.substr(0, random() % bytes.size());
    const bool flipped = trial % 2 == 1 && damaged.size() > 4;
    if (flipped) damaged[4 + random() % (damaged.size() - 4)] ^= 0x5a;
    truncated += flipped ? 0 : 1;
    std::uint32_t decoded = 0, declared = 0;
    try {
      EventChunkReader reader(damaged);
      declared = reader.count();
      ChunkEvent e;
      while (reader.Next(e)) ++decoded;
    } catch (const std::runtime_error&) {
      truncated_refused += flipped ? 0 : 1;
      continue;
    }
    // Only a flipped byte can pass unnoticed, and never past the declared rows.
    EXPECT_TRUE(flipped) << "a truncated chunk of " << damaged.size() << " bytes decoded";
    EXPECT_LE(decoded, declared);
  }
  EXPECT_GT(truncated, 0);
  EXPECT_EQ(truncated_refused, truncated);  // every strict prefix misses some row
}

}  // namespace
}  // namespace creditlens::sqlite
