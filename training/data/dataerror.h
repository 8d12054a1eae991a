#pragma once

#include <stdexcept>
#include <string>

namespace ganvas {

// A dataset file (or folder) that cannot be used. what() reads "<file>: <fault>", which is
// what a person sees; the CLI maps it to exit code 2.
class DataError : public std::runtime_error
{
public:
    DataError(std::string file, std::string fault);
    const std::string &file() const { return m_file; }
    const std::string &fault() const { return m_fault; }

private:
    std::string m_file;
    std::string m_fault;
};

} // namespace ganvas
