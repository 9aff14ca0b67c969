#!/usr/bin/env bash
# Every public header under clang -Weverything -Werror, in C++17 and C++20,
# with every public template instantiated the way a user would
# (tests/strict/instantiate.cpp), so users with strict warning flags never see
# a warning from cbrng. Front end only (-fsyntax-only): seconds. Called by
# scripts/test.sh; runnable alone: bash scripts/strict_headers.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# -Weverything minus warnings that flag no defect in a C++17 library:
not_defects=(
  -Wno-c++98-compat -Wno-c++98-compat-pedantic  # C++98 compatibility: cbrng requires C++17
  -Wno-pre-c++14-compat -Wno-pre-c++17-compat   # ditto for C++11/14: constexpr, if constexpr,
  -Wno-pre-c++17-compat-pedantic                #   inline variables are the point
  -Wno-padded         # reports struct padding (layout information, not a problem)
  -Wno-float-equal    # exact comparison is the contract: distribution == compares parameters
                      #   exactly (as std:: does) and the hex-float reader tests exactness
)

includes=()
count=0
while IFS= read -r h; do
  includes+=(-include "$h")
  count=$((count + 1))
done < <(cd include && find cbrng -name '*.hpp' | sort)
echo "-- all $count headers under include/ force-included"
for std in c++17 c++20; do
  echo "-- clang++ -std=$std -Weverything -Werror"
  clang++ -std=$std -fsyntax-only -Weverything -Werror "${not_defects[@]}" -Iinclude \
    "${includes[@]}" tests/strict/instantiate.cpp
done
