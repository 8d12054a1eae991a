#include "data/dataerror.h"

namespace ganvas {

DataError::DataError(std::string file, std::string fault)
    : std::runtime_error(file + ": " + fault), m_file(std::move(file)), m_fault(std::move(fault))
{
}

} // namespace ganvas
