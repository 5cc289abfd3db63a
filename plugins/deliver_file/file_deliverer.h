// The file deliverer: writes a delivery's attachments into a directory (a share, a synced folder),
// each atomically; a delivery without attachments becomes "<subject>.txt" holding the text body.
#pragma once

#include <optional>

#include "atomic_directory.h"
#include "creditlens/deliverer.h"

namespace creditlens::file {

class FileDeliverer : public Deliverer {
 public:
  DelivererInfo Describe() const noexcept override;
  Status Open(const Settings& settings) noexcept override;
  DeliveryResult Deliver(const Delivery& delivery) noexcept override;

 private:
  std::optional<AtomicDirectory> directory_;
};

}  // namespace creditlens::file
