// Golden values of cbrng's distributions: the first 16 variates (raw bits:
// IEEE encodings for reals, two's-complement for integers, 0/1 for bernoulli)
// from fixed generators. These are frozen outputs (DESIGN §8): a change here is
// an OUTPUT CHANGE, bumps the major version and is announced in the changelog.
//
// One table for every build and path: tests/distributions_golden_test.cpp
// checks it through operator(), variate_at and every batch transform back end,
// and other test programs (device, fill) may include it. Each name says the
// distribution, its parameters and the generator: philox4x32(42) is
// cbrng::philox4x32 seeded with 42, mt19937_64() and mt19937() are the
// default-seeded std engines.
//
// Values were produced by  CBRNG_PRINT_GOLDEN=1 ./distributions_golden_test
// and cross-checked by an independent exact re-implementation (integers,
// uniforms, bernoulli: bit for bit) and against 200-bit references (normal:
// within 2.5 ulp, exponential: within 1 ulp).
#ifndef CBRNG_TESTS_GOLDEN_DISTRIBUTIONS_HPP
#define CBRNG_TESTS_GOLDEN_DISTRIBUTIONS_HPP

#include <cstddef>
#include <cstdint>

namespace cbrng_golden {

inline constexpr std::size_t values_per_case = 16;

struct golden_case {
    const char* name;
    std::uint64_t values[values_per_case];
};

inline constexpr golden_case distributions[] = {
    {"uniform_int<int>(1,6) philox4x32(42)",
     {0x0000000000000004u, 0x0000000000000003u, 0x0000000000000001u, 0x0000000000000003u,
      0x0000000000000006u, 0x0000000000000002u, 0x0000000000000004u, 0x0000000000000003u,
      0x0000000000000005u, 0x0000000000000004u, 0x0000000000000004u, 0x0000000000000005u,
      0x0000000000000005u, 0x0000000000000005u, 0x0000000000000004u, 0x0000000000000003u}},
    {"uniform_int<int>(1,6) mt19937_64()",
     {0x0000000000000005u, 0x0000000000000002u, 0x0000000000000005u, 0x0000000000000006u,
      0x0000000000000001u, 0x0000000000000003u, 0x0000000000000002u, 0x0000000000000001u,
      0x0000000000000004u, 0x0000000000000003u, 0x0000000000000002u, 0x0000000000000004u,
      0x0000000000000001u, 0x0000000000000004u, 0x0000000000000004u, 0x0000000000000006u}},
    {"uniform_int<int64_t>(-10^12,10^12) philox4x32(42)",
     {0xfffffff15f389e86u, 0xffffffb5e537e692u, 0xffffffaf785939a7u, 0xffffffeab9fece8eu,
      0x00000049b8ae7859u, 0x0000007f65d5fd75u, 0x0000004f75db0b05u, 0xffffffc7b6b465a6u,
      0x0000009de15def6du, 0xffffff84ef594110u, 0xffffff9fd3738be5u, 0xffffff2a140e42b5u,
      0x00000071383f4e28u, 0xffffff6c27ac623au, 0xffffffd532f39895u, 0xffffff6b9b3e2324u}},
    {"uniform_int<int64_t>(-10^12,10^12) mt19937_64()",
     {0x000000858fb8e5e8u, 0xffffff8bcef04da0u, 0x0000006219f7b066u, 0x000000cffef38302u,
      0xffffff2024a4f627u, 0xffffffd3b773c660u, 0xffffff8c32c61490u, 0xffffff21bee38ec7u,
      0x000000099cdb057bu, 0xffffffb7ab41ee3eu, 0xffffff96da04b125u, 0x0000001c6b97e2a1u,
      0xffffff58615bfe2au, 0x000000146c0cf762u, 0x0000000a348e64f0u, 0x000000a646ede5c2u}},
    {"uniform_int<uint32_t>(0,3*2^30-1) philox4x32(7)",
     {0x00000000b7485ba1u, 0x0000000015ec0bb1u, 0x0000000010724161u, 0x000000004e22eaf4u,
      0x0000000098b1cd0eu, 0x0000000020fc3f90u, 0x00000000b7e872fcu, 0x000000009b11dd4fu,
      0x00000000a2f2587du, 0x000000004aeb1090u, 0x0000000030065093u, 0x000000001c5f6ff2u,
      0x000000001ab15db7u, 0x0000000037aa9259u, 0x00000000be007f1au, 0x0000000085e52c0bu}},
    {"uniform_int<int8_t>(-128,127) philox4x32(42)",
     {0x000000000000001cu, 0xfffffffffffffff7u, 0xffffffffffffff92u, 0xffffffffffffffd7u,
      0x000000000000007cu, 0xffffffffffffffd3u, 0x0000000000000003u, 0xfffffffffffffff4u,
      0x0000000000000053u, 0x0000000000000028u, 0x000000000000001au, 0x0000000000000046u,
      0x000000000000003au, 0x000000000000002bu, 0x0000000000000016u, 0xffffffffffffffe1u}},
    {"uniform_int<uint64_t>(0,2^64-1) philox4x32(42)",
     {0x77f5493b9ceaf053u, 0x5742b3d712bf50adu, 0x53ba6cfdfcdb2127u, 0x744e06fb838f5a6eu,
      0xa8875dcbd36c0225u, 0xc609a5599a4d6d99u, 0xabaf0dabbac70475u, 0x610e67f7961e5543u,
      0xd6cbaeb5539023bcu, 0x3c58227f529f4963u, 0x4b20b5d25099d809u, 0x0a6534070d41b5e2u,
      0xbe3e422a39b9314cu, 0x2eb8a9927aabd4bbu, 0x68784c855bbd83b1u, 0x2e6b75b7172067aau}},
    {"uniform_real<double>(-1,1) philox4x32(42)",
     {0xbfb0156d88c62a20u, 0xbfd45ea61476a058u, 0xbfd622c981019270u, 0xbfb763f208f8e150u,
      0x3fd443aee5e9b600u, 0x3fe182695666935au, 0x3fd5d786d5dd6380u, 0xbfcef1980869e1b0u,
      0x3fe5b2ebad54e408u, 0xbfe0e9f7602b582eu, 0xbfda6fa516d7b314u, 0xbfed66b2fe3caf94u,
      0x3fdf1f21151cdc98u, 0xbfe451d59b61550cu, 0xbfc787b37aa44280u, 0xbfe46522923a37e8u}},
    {"uniform_real<double>(-1,1) mt19937_64()",
     {0x3fe25b46473dbdaau, 0xbfdff0429c3a1bfcu, 0x3fdaf7465b55f228u, 0x3fec96348b536e44u,
      0xbfeec44352d289e8u, 0xbfc8585541ef2e90u, 0xbfdfd4d1578c6a60u, 0xbfee8be120b85c88u,
      0x3fa5237a84c20860u, 0xbfd3e1d7e9be68fcu, 0xbfdce72890e8cc04u, 0x3fbf3f9974871140u,
      0xbfe70997f28287dcu, 0x3fb6744d6f549790u, 0x3fa67112681b80c0u, 0x3fe6da5aadc03facu}},
    {"uniform_real<double>(0,1) mt19937()",
     {0x3fc1574f7b6848dcu, 0x3feab863ef3cfc3fu, 0x3fef00f6fbe41046u, 0x3fcc4ad7f0f4e980u,
      0x3fd3b9024ae87892u, 0x3fe182d4c4a31f0du, 0x3fc81ce68d23a5d4u, 0x3fefc5af0211800du,
      0x3fefe302dc9ea3e5u, 0x3feef75b5f5ee05du, 0x3fe73a12a2250b2au, 0x3fef654026ff0f18u,
      0x3fbc1fe652f508e0u, 0x3fe98a154b2f8832u, 0x3fd30287cef337cau, 0x3f7397d8d2452a80u}},
    {"uniform_real<float>(0,1) philox4x32(42)",
     {0x000000003f1ceaf0u, 0x000000003eefea92u, 0x000000003d95fa80u, 0x000000003eae8566u,
      0x000000003f7cdb21u, 0x000000003ea774d8u, 0x000000003f038f5au, 0x000000003ee89c0cu,
      0x000000003f536c02u, 0x000000003f28875du, 0x000000003f1a4d6du, 0x000000003f4609a5u,
      0x000000003f3ac704u, 0x000000003f2baf0du, 0x000000003f161e55u, 0x000000003ec21cceu}},
    {"uniform_real<float>(0,1) mt19937_64()",
     {0x000000003f76f6aeu, 0x000000003f0bc80fu, 0x000000003f2be457u, 0x000000003e9b7226u,
      0x000000003f35d860u, 0x000000003d868b90u, 0x000000003f672b40u, 0x000000003df46f18u,
      0x000000003e420868u, 0x000000003f032e0au, 0x000000003e399ffcu, 0x000000003e87114cu,
      0x000000003f75e095u, 0x000000003f2a4bceu, 0x000000003cdc0600u, 0x000000003b7eb000u}},
    {"normal<double>(0,1) philox4x32(42)",
     {0xbfb42dc65ce0ff81u, 0xbfda3f4a5b3e5026u, 0xbfdcaca1d20ed483u, 0xbfbd61412d6e26acu,
      0x3fda1a8bc2f2eb53u, 0x3fe805c509d131d3u, 0x3fdc447f0807783eu, 0xbfd3b29da9b3fb77u,
      0x3fefb285d987d0e1u, 0xbfe70b601e951133u, 0xbfe16290af19a376u, 0xbffbe62593bdf655u,
      0x3fe4e5c5eec49af3u, 0xbfecfccc2adf1706u, 0xbfcdc1a6a63ac5afu, 0xbfed2154dd4fc699u}},
    {"normal<double>(0,1) mt19937_64()",
     {0x3fe9743cd1695f55u, 0xbfe5890b27e2162bu, 0x3fe1c56671461329u, 0x3ff9d05bd9003a27u,
      0xc0008d660e300d09u, 0xbfcece8dbe36588bu, 0xbfe5737ec3cfc6b0u, 0xc000016e486ad97bu,
      0x3faa814fe3ba3b45u, 0xbfd995814d6b330cu, 0xbfe3349d2f3e2866u, 0x3fc3a8b8c1714cf0u,
      0xbff148431172141eu, 0x3fbc33004a52c2a4u, 0x3fac240156076fb2u, 0x3ff1139427ccc6f1u}},
    {"normal<double>(0,1) mt19937()",
     {0xbff19d2802c2a44fu, 0x3fef2c397010b686u, 0x3ffdd49d471eec62u, 0xbfe8993c88fc787du,
      0xbfe0089f791bd407u, 0x3fbe5f564fe05896u, 0xbfec48b338c3806cu, 0x40039c17d50e1a17u,
      0x40058ba35623ebd3u, 0x3ffd91300923daf4u, 0x3fe33576c2aa0420u, 0x40009e292b75ea7eu,
      0xbff3a2df3db97533u, 0x3feab74b0d515baau, 0xbfe10e094fdf0d77u, 0xc004ba92a26991c4u}},
    {"normal<double>(0,1) philox4x64(42)",
     {0x3fd957a69ee805d1u, 0xbfe0f1e6efca98b7u, 0x3ff5e04d4822776eu, 0x3ff33a705e24bdc0u,
      0x3fed50dbe89fde7fu, 0xbfec2e8709160f64u, 0x3ff1d8af555817f1u, 0xbfd11d0b675b689bu,
      0xbfd58e5d83845e13u, 0xbfc520dceaa476cau, 0xbfeb8cd2732907d7u, 0xbff8942825f17290u,
      0x3ff28bc9abb2c29cu, 0x3fe755020430f2feu, 0xbfd8ab5d08517f07u, 0xbffb83e320f85c0bu}},
    {"normal<double>(10,3) philox4x32(42)",
     {0x402386ed59d2ba03u, 0x40218a110772287cu, 0x40214fd0d44e9c14u, 0x40234fb878ef6b18u,
      0x4026727d1a46c610u, 0x40288114f1d73958u, 0x4026a66be8c0b346u, 0x402227413817206du,
      0x4029f17918c9772au, 0x401f5bbbf488198du, 0x4020bd84df2b315au, 0x40131363d1318740u,
      0x4027eb151cc4dd0eu, 0x401d21336fec575eu, 0x40229aec30353ebcu, 0x401d13802d021586u}},
    {"normal<float>(0,1) philox4x32(42)",
     {0x000000003e92f728u, 0x00000000bda16e32u, 0x00000000bfb9dfa2u, 0x00000000bed1fa54u,
      0x00000000400fe2b3u, 0x00000000bee5650fu, 0x000000003d0ece30u, 0x00000000bdeb0a0au,
      0x000000003f701df8u, 0x000000003ed0d45eu, 0x000000003e855a7cu, 0x000000003f402e29u,
      0x000000003f1c91eau, 0x000000003ee223f9u, 0x000000003e5f88b5u, 0x00000000be9d94edu}},
    {"normal<float>(0,1) mt19937_64()",
     {0x000000003fe76e93u, 0x000000003decc7e3u, 0x000000003ee34aa6u, 0x00000000bf039963u,
      0x000000003f0dea61u, 0x00000000bfc11afau, 0x000000003fa640fcu, 0x00000000bf96d03au,
      0x00000000bf613a3bu, 0x000000003cff1a68u, 0x00000000bf6917c8u, 0x00000000bf21b49cu,
      0x000000003fe0c582u, 0x000000003eda7ef5u, 0x00000000bff6ed38u, 0x00000000c02a5adbu}},
    {"exponential<double>(1.5) philox4x32(42)",
     {0x3fe02be113f05099u, 0x3fe6f5eaf63ddfd1u, 0x3fe7d797de524f0du, 0x3fe0d4ca73c0d649u,
      0x3fd1d6731251cd85u, 0x3fc5e82309af826fu, 0x3fd10bdb54041113u, 0x3fe4b0df988e50c1u,
      0x3fbdf34af4bca7c8u, 0x3feed43c17fc5227u, 0x3fea27863aeb5adcu, 0x40011648b0678db9u,
      0x3fc95550e4b6c8ddu, 0x3ff224ccbddfd52fu, 0x3fe31edfdd3bf952u, 0x3ff2367b88b21257u}},
    {"exponential<double>(1.5) mt19937_64()",
     {0x3fc47584adca97a4u, 0x3fed88884feb874du, 0x3fcd252c1b851d63u, 0x3fa2b51cb1701831u,
      0x40050fe84771d8f5u, 0x3fe349a532f6d58bu, 0x3fed764d94264fc3u, 0x40042f925a5d9f35u,
      0x3fdbd91ea2e97f40u, 0x3fe6b93b56796c21u, 0x3feb9a7e40d2b998u, 0x3fd8a90d4379245fu,
      0x3ff4f807840081cfu, 0x3fd9fcacf903f01bu, 0x3fdbbe747d1406e8u, 0x3fba5249ddf10081u}},
    {"exponential<float>(0.5) philox4x32(42)",
     {0x000000003f7a99f3u, 0x000000003fc20e8du, 0x0000000040a74dd9u, 0x000000004009c382u,
      0x000000003cca76a4u, 0x00000000400f0d8fu, 0x000000003faa6c46u, 0x000000003fc9f97du,
      0x000000003ec3e9d9u, 0x000000003f560d65u, 0x000000003f819a70u, 0x000000003f0370d2u,
      0x000000003f2169bdu, 0x000000003f4c8e48u, 0x000000003f88a402u, 0x000000003ff84a7bu}},
    {"exponential<float>(0.5) mt19937_64()",
     {0x000000003d933221u, 0x000000003f9ae7a5u, 0x000000003f4bef74u, 0x0000000040189456u,
      0x000000003f2f1d72u, 0x0000000040ae4104u, 0x000000003e50f463u, 0x0000000040880b09u,
      0x000000004054ebbdu, 0x000000003fab29e8u, 0x00000000405a9756u, 0x00000000402a90fbu,
      0x000000003da540b0u, 0x000000003f50b602u, 0x0000000040e77fdcu, 0x0000000041319c21u}},
    {"bernoulli(0.3) philox4x32(42)",
     {0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
      0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
      0x0000000000000000u, 0x0000000000000001u, 0x0000000000000001u, 0x0000000000000001u,
      0x0000000000000000u, 0x0000000000000001u, 0x0000000000000000u, 0x0000000000000001u}},
    {"bernoulli(0.3) mt19937_64()",
     {0x0000000000000000u, 0x0000000000000001u, 0x0000000000000000u, 0x0000000000000000u,
      0x0000000000000001u, 0x0000000000000000u, 0x0000000000000001u, 0x0000000000000001u,
      0x0000000000000000u, 0x0000000000000000u, 0x0000000000000001u, 0x0000000000000000u,
      0x0000000000000001u, 0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u}},
    {"variate_at normal<double>(0,1) philox4x32(42) at "
     "0,1,2,3,7,8,100,1000,10^6,10^9,10^12,2^40,2^50,2^60,2^62,2^63-1",
     {0xbfb42dc65ce0ff81u, 0xbfda3f4a5b3e5026u, 0xbfdcaca1d20ed483u, 0xbfbd61412d6e26acu,
      0xbfd3b29da9b3fb77u, 0x3fefb285d987d0e1u, 0x3fb35c6d9fa96129u, 0xbff3fbbc1c00da95u,
      0xbfc9a1481886bbdcu, 0x3fc90ba9acec68c0u, 0x3fc801a5824ccce6u, 0x4002b66814b143ecu,
      0xbfe20f8abc47a7f1u, 0xbfc3115987da2e02u, 0xbfe1e78d7b1a669fu, 0x3fdb2cd5596935d0u}},
};

}  // namespace cbrng_golden

#endif  // CBRNG_TESTS_GOLDEN_DISTRIBUTIONS_HPP
