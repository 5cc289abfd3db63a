// Who holds a claim on a run or a delivery in the outbox: host, process id and a token unique to
// this process's life, so that a claim left by a process that died can be taken over at once on the
// same host (and after its lease on any host).
#pragma once

#include <optional>
#include <string>

namespace creditlens::deliver {

struct ProcessOwner {
  std::string host;
  int pid = 0;
  std::string token;

  static ProcessOwner ThisProcess();
  // "host:pid:token"; Parse returns nullopt for anything else.
  std::string Text() const;
  static std::optional<ProcessOwner> Parse(const std::string& text);
};

// 16 random hex digits: a process's token, a store's part of idempotency keys.
std::string RandomToken();

// Whether the process that wrote `claimant` is known to be gone, as seen by `me`: on the same host,
// a process id that no longer runs, or our own pid with another token (a restarted container's pid 1).
// A claimant on another host is never known gone; its lease bounds the claim instead.
bool ClaimantIsGone(const ProcessOwner& claimant, const ProcessOwner& me);

}  // namespace creditlens::deliver
