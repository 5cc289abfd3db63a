// The file name deliver_file gives the text body of a delivery without attachments: the subject,
// made safe as a file name, with ".txt".
#pragma once

#include <string>
#include <string_view>

namespace creditlens::file {

// Slashes, backslashes and control characters become '_', a run of dots one dot, the name is cut to
// 200 bytes on a UTF-8 boundary, and dots and spaces at either end go; an empty result is "delivery".
// "März: 3/2026 report" -> "März: 3_2026 report.txt".
std::string TextFileName(std::string_view subject);

}  // namespace creditlens::file
