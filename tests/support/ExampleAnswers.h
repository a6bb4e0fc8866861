#pragma once

// The clinical spec's worked example 3 (regenerative evaluation) without the
// "About you" answers, shared by the storage tests and the staff console
// test, which add invented identities of their own. Header-only and free of
// Catch2 and QtTest, so that both kinds of test can include it.
// Synthetic data only: every value here is invented.
#include <nlohmann/json.hpp>

namespace spinepath::test {

inline nlohmann::json example3Answers()
{
    return {{"redflag.bladder_bowel", false},
            {"redflag.saddle_numbness", false},
            {"redflag.progressive_weakness", false},
            {"redflag.recent_trauma", false},
            {"redflag.systemic", false},
            {"pain.duration", "6m_12m"},
            {"pain.location", "back_mostly"},
            {"peg.pain", 6},
            {"peg.enjoyment", 6},
            {"peg.activity", 7},
            {"dx.told", {"annular_tear"}},
            {"img.mri", "within_12m"},
            {"img.findings", {"annular_tear"}},
            {"cc.pt", "ge6w"},
            {"cc.meds", true},
            {"cc.injections", true},
            {"cc.relief", "temporary"},
            {"inst.told_unstable", "no"},
            {"neuro.numbness", "stable"},
            {"neuro.weakness", "none"},
            {"hx.prior_surgery", "none"},
            {"pref.motion", "important"},
            {"pref.avoid_surgery", true}};
}

} // namespace spinepath::test
