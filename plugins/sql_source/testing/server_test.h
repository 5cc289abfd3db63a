// A GoogleTest suite over one throwaway server (PostgresqlServer, MariadbServer), started once for
// the suite. Where that server is not installed every test fails with the reason: a test that
// passes by not running would prove nothing (tools/install-deps.sh installs the servers).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace creditlens::sql::testing {

template <typename Server>
class ServerTest : public ::testing::Test {
 protected:
  // From SetUpTestSuite: starts the server and hands it to prepare (schema, data, users).
  static void StartServer(const std::function<void(const Server&)>& prepare) {
    std::string why_not;
    server_ = Server::Start(why_not).release();
    if (server_ == nullptr) return Refuse(why_not);
    prepare(*server_);
  }
  // Fails every test of the suite (something the suite needs is missing).
  static void Refuse(const std::string& reason) { missing_ = reason; }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (!missing_.empty()) FAIL() << missing_;
  }
  static const Server& server() { return *server_; }

 private:
  static inline Server* server_ = nullptr;
  static inline std::string missing_;
};

}  // namespace creditlens::sql::testing
