// The main of a fuzz target in the normal build: runs every file given, or
// every file in the folders given, through LLVMFuzzerTestOneInput once, in
// name order. make test runs it over the seed corpus and the regression
// inputs, so every crash or hang the fuzzer ever found stays fixed. A broken
// invariant aborts, which fails the test; a missing folder is an error too.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool runFile(const std::filesystem::path& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    // The fuzzer hands over a buffer of exactly `size` bytes; so does this, so
    // ASan catches a read past the end here as well.
    std::vector<std::uint8_t> buffer(bytes.begin(), bytes.end());
    std::fprintf(stderr, "  %s (%zu bytes)\n", path.c_str(), buffer.size());
    LLVMFuzzerTestOneInput(buffer.data(), buffer.size());
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 2;
    }
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path argument(argv[i]);
        std::error_code error;
        if (std::filesystem::is_regular_file(argument, error)) {
            if (!runFile(argument))
                return 1;
            ++files;
            continue;
        }
        if (!std::filesystem::is_directory(argument, error)) {
            std::fprintf(stderr, "no such file or folder: %s\n", argv[i]);
            return 1;
        }
        std::vector<std::filesystem::path> paths;
        for (const auto& entry : std::filesystem::directory_iterator(argument))
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& path : paths) {
            if (!runFile(path))
                return 1;
            ++files;
        }
    }
    std::printf("%d inputs replayed without a crash\n", files);
    return 0;
}
