// The outbox against a real SQLite file: fires recorded once, claims exclusive between owners,
// claims of a dead process or an ended lease taken over, files stored byte for byte, retries with
// backoff until the attempts are spent, notices to the owner, and resends.
#include "deliver/outbox.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace creditlens::deliver {
namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;
constexpr std::int64_t kLease = 60'000;

ProcessOwner DeadProcessOnThisHost() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);
  return {ProcessOwner::ThisProcess().host, static_cast<int>(child), "gone"};
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("outbox_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = dir_ / "store.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A second process's view of the same store: another owner, alive (this process, another token).
  Outbox Other() {
    return Outbox(path_, Outbox::Mode::kReadWrite, {ProcessOwner::ThisProcess().host, 1, "init"});
  }

  RenderedRun Rendered() {
    RenderedRun run;
    run.from = "reports@platform.test";
    run.subject = "Usage ws001";
    run.text_body = "See attached.";
    run.period = "2026-10-01 to 2026-10-31";
    run.files = {{"usage.pdf", "application/pdf", "", std::string("%PDF\0binary\xff", 12)}};
    run.deliveries = {{"smtp", "a@x.test"}, {"smtp", "b@x.test"}};
    return run;
  }

  std::filesystem::path dir_, path_;
};

TEST_F(OutboxTest, AFireIsRecordedOnceWithOneRunPerWorkspace) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  EXPECT_FALSE(outbox.FireRecorded("monthly", kNow));
  EXPECT_TRUE(outbox.RecordFire("monthly", kNow, {"ws001", "ws002"}, kNow));
  EXPECT_FALSE(Other().RecordFire("monthly", kNow, {"ws001", "ws002", "ws003"}, kNow));
  EXPECT_TRUE(outbox.FireRecorded("monthly", kNow));
  const auto runs = outbox.RecentRuns("monthly", 10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].state, "pending");
}

TEST_F(OutboxTest, ReadOnlyOutboxOfAMissingFileIsEmptyAndWritesNothing) {
  Outbox outbox(path_, Outbox::Mode::kReadOnly);
  EXPECT_FALSE(outbox.FireRecorded("monthly", kNow));
  EXPECT_TRUE(outbox.RecentRuns("", 10).empty());
  EXPECT_FALSE(outbox.NextRetryDue());
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(OutboxTest, ARunIsClaimedByOneOwnerAtATime) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  outbox.RecordFire("monthly", kNow, {"ws001"}, kNow);
  const auto claimed = outbox.ClaimRun(kNow, kLease);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->key.workspace, "ws001");
  EXPECT_FALSE(Other().ClaimRun(kNow, kLease));
  EXPECT_FALSE(Other().FinishRun(claimed->id, Rendered(), kNow));
  EXPECT_TRUE(outbox.FinishRun(claimed->id, Rendered(), kNow));
  EXPECT_FALSE(outbox.ClaimRun(kNow, kLease));
}

TEST_F(OutboxTest, AClaimOfADeadProcessOrAnEndedLeaseIsTakenOver) {
  {
    Outbox dead(path_, Outbox::Mode::kReadWrite, DeadProcessOnThisHost());
    dead.RecordFire("monthly", kNow, {"ws001", "ws002"}, kNow);
    ASSERT_TRUE(dead.ClaimRun(kNow, kLease));
  }
  {
    Outbox remote(path_, Outbox::Mode::kReadWrite, {"another-host", 42, "t"});
    ASSERT_TRUE(remote.ClaimRun(kNow, kLease));
  }
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  const auto first = outbox.ClaimRun(kNow, 10 * kLease);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->key.workspace, "ws001");
  EXPECT_FALSE(outbox.ClaimRun(kNow + kLease - 1, kLease))
      << "another host's claim holds until its lease ends";
  const auto second = outbox.ClaimRun(kNow + kLease + 1, kLease);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->key.workspace, "ws002");
}

TEST_F(OutboxTest, DeliveriesCarryTheStoredFilesByteForByteAndAStableKey) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  outbox.RecordFire("monthly", kNow, {"ws001"}, kNow);
  ASSERT_TRUE(outbox.FinishRun(outbox.ClaimRun(kNow, kLease)->id, Rendered(), kNow));
  const auto a = outbox.ClaimDelivery(kNow, kLease);
  const auto b = Other().ClaimDelivery(kNow, kLease);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id, b->id);
  EXPECT_FALSE(outbox.ClaimDelivery(kNow, kLease));
  const Delivery message = outbox.LoadDelivery(*a);
  EXPECT_EQ(message.to, std::vector<std::string>{a->recipient});
  EXPECT_EQ(message.subject, "Usage ws001");
  ASSERT_EQ(message.attachments.size(), 1u);
  EXPECT_EQ(message.attachments[0].content, std::string("%PDF\0binary\xff", 12));
  EXPECT_EQ(message.idempotency_key, outbox.LoadDelivery(*a).idempotency_key);
  EXPECT_NE(message.idempotency_key, outbox.LoadDelivery(*b).idempotency_key);

  outbox.MarkSent(a->id, kNow);
  EXPECT_EQ(outbox.Run(a->run_id)->state, "delivering");
  outbox.MarkSent(b->id, kNow);
  EXPECT_EQ(outbox.Run(a->run_id)->state, "done");
}

TEST_F(OutboxTest, TransientFailuresBackOffThenGiveUpAndNotifyTheOwner) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  outbox.RecordFire("monthly", kNow, {"ws001"}, kNow);
  RenderedRun run = Rendered();
  run.deliveries = {{"smtp", "a@x.test"}};
  ASSERT_TRUE(outbox.FinishRun(outbox.ClaimRun(kNow, kLease)->id, run, kNow));
  const RetryPolicy policy{3, 1000, 1500};
  const OwnerNotice notice{{"smtp", "ops@x.test"}, "reports@platform.test", "failed", "a@x.test failed"};

  auto claimed = outbox.ClaimDelivery(kNow, kLease);
  ASSERT_TRUE(claimed);
  EXPECT_FALSE(outbox.MarkTransientFailure(*claimed, "451 try later", policy, notice, kNow));
  EXPECT_EQ(outbox.NextRetryDue(), kNow + 1000);
  EXPECT_FALSE(outbox.ClaimDelivery(kNow + 999, kLease));
  claimed = outbox.ClaimDelivery(kNow + 1000, kLease);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->attempt, 2);
  EXPECT_FALSE(outbox.MarkTransientFailure(*claimed, "451 try later", policy, notice, kNow + 1000));
  EXPECT_EQ(outbox.NextRetryDue(), kNow + 1000 + 1500) << "the second delay is capped at max_delay";
  claimed = outbox.ClaimDelivery(kNow + 2500, kLease);
  ASSERT_TRUE(claimed);
  EXPECT_TRUE(outbox.MarkTransientFailure(*claimed, "451 try later", policy, notice, kNow + 2500));

  const auto deliveries = outbox.Deliveries(claimed->run_id);
  ASSERT_EQ(deliveries.size(), 2u);
  EXPECT_EQ(deliveries[0].state, "failed");
  EXPECT_EQ(deliveries[0].attempts, 3);
  EXPECT_EQ(deliveries[0].last_error, "451 try later (gave up after 3 attempts)");
  EXPECT_EQ(deliveries[1].purpose, "notice");
  EXPECT_EQ(deliveries[1].recipient, "ops@x.test");
  EXPECT_EQ(outbox.Run(claimed->run_id)->state, "done");
  const auto notice_claim = outbox.ClaimDelivery(kNow + 2500, kLease);
  ASSERT_TRUE(notice_claim);
  const Delivery sent = outbox.LoadDelivery(*notice_claim);
  EXPECT_EQ(sent.subject, "failed");
  EXPECT_TRUE(sent.attachments.empty());
}

TEST_F(OutboxTest, AFailedRenderSendsNothingButTheNotice) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  outbox.RecordFire("monthly", kNow, {"ws001"}, kNow);
  const auto run = outbox.ClaimRun(kNow, kLease);
  const OwnerNotice notice{
      {"smtp", "ops@x.test"}, "reports@platform.test", "render failed", "report.lua:3: boom"};
  ASSERT_TRUE(outbox.FailRun(run->id, "report.lua:3: boom", notice, kNow));
  EXPECT_EQ(outbox.Run(run->id)->state, "failed");
  const auto deliveries = outbox.Deliveries(run->id);
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].purpose, "notice");
  EXPECT_THROW(outbox.Resend(run->id, {}, kNow), std::invalid_argument);
}

TEST_F(OutboxTest, ResendQueuesTheSameReportAgain) {
  Outbox outbox(path_, Outbox::Mode::kReadWrite);
  outbox.RecordFire("monthly", kNow, {"ws001"}, kNow);
  const auto run = outbox.ClaimRun(kNow, kLease);
  ASSERT_TRUE(outbox.FinishRun(run->id, Rendered(), kNow));
  while (const auto d = outbox.ClaimDelivery(kNow, kLease)) outbox.MarkSent(d->id, kNow);
  EXPECT_EQ(outbox.Resend(run->id, {}, kNow).size(), 2u);
  EXPECT_EQ(outbox.Resend(run->id, {"c@x.test"}, kNow).size(), 1u);
  int resends = 0;
  while (const auto d = outbox.ClaimDelivery(kNow, kLease, run->id)) {
    EXPECT_EQ(d->purpose, "resend");
    EXPECT_EQ(outbox.LoadDelivery(*d).attachments.size(), 1u);
    outbox.MarkSent(d->id, kNow);
    ++resends;
  }
  EXPECT_EQ(resends, 3);
  EXPECT_EQ(outbox.Run(run->id)->state, "done");
}

TEST(ProcessOwnerTest, ParsesItsTextAndKnowsADeadProcess) {
  const ProcessOwner me = ProcessOwner::ThisProcess();
  const auto parsed = ProcessOwner::Parse(me.Text());
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->pid, me.pid);
  EXPECT_FALSE(ClaimantIsGone(*parsed, me));
  EXPECT_TRUE(ClaimantIsGone(DeadProcessOnThisHost(), me));
  EXPECT_TRUE(ClaimantIsGone({me.host, me.pid, "earlier-life"}, me));
  EXPECT_FALSE(ClaimantIsGone({"elsewhere", 1, "t"}, me));
  EXPECT_FALSE(ProcessOwner::Parse("no-colons"));
  EXPECT_FALSE(ProcessOwner::Parse("h:notapid:t"));
}

}  // namespace
}  // namespace creditlens::deliver
