#include "deliver/process_owner.h"

#include <Poco/Random.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>

namespace creditlens::deliver {

std::string RandomToken() {
  Poco::Random random;
  random.seed();
  char token[17];
  std::snprintf(token, sizeof token, "%08x%08x", random.next(), random.next());
  return token;
}

ProcessOwner ProcessOwner::ThisProcess() {
  static const ProcessOwner self = [] {
    char host[HOST_NAME_MAX + 1] = {};
    gethostname(host, sizeof host - 1);
    return ProcessOwner{host, static_cast<int>(getpid()), RandomToken()};
  }();
  return self;
}

std::string ProcessOwner::Text() const { return host + ":" + std::to_string(pid) + ":" + token; }

std::optional<ProcessOwner> ProcessOwner::Parse(const std::string& text) {
  const auto last = text.rfind(':');
  if (last == std::string::npos || last == 0) return std::nullopt;
  const auto middle = text.rfind(':', last - 1);
  if (middle == std::string::npos) return std::nullopt;
  ProcessOwner owner{text.substr(0, middle), 0, text.substr(last + 1)};
  const char* begin = text.data() + middle + 1;
  const char* end = text.data() + last;
  const auto [parsed_end, error] = std::from_chars(begin, end, owner.pid);
  if (error != std::errc() || parsed_end != end || owner.pid <= 0) return std::nullopt;
  return owner;
}

bool ClaimantIsGone(const ProcessOwner& claimant, const ProcessOwner& me) {
  if (claimant.host != me.host) return false;
  if (claimant.pid == me.pid) return claimant.token != me.token;
  return kill(claimant.pid, 0) != 0 && errno == ESRCH;
}

}  // namespace creditlens::deliver
