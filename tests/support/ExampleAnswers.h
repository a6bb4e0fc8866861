#pragma once

// The clinical spec's worked example E3 (its answer set "R": regenerative
// evaluation) without the "About you" answers, shared by the storage tests and
// the staff console test, which add invented identities of their own.
// Complete for questionnaire v2, so that it makes a completed
// QuestionnaireResponse. Header-only and free of Catch2 and QtTest, so that
// both kinds of test can include it.
// Synthetic data only: every value here is invented.
#include <nlohmann/json.hpp>

namespace spinepath::test {

inline nlohmann::json example3Answers()
{
    return {{"safety.age", 42},
            {"redflag.bladder_bowel", false},
            {"redflag.saddle_numbness", false},
            {"redflag.sexual_function", false},
            {"redflag.both_legs", false},
            {"redflag.progressive_weakness", false},
            {"redflag.gait", false},
            {"redflag.recent_trauma", false},
            {"redflag.fever", false},
            {"redflag.weight_loss", false},
            {"redflag.cancer_history", false},
            {"redflag.infection_risk", {"none"}},
            {"redflag.procedure_then_worse", false},
            {"redflag.bone_risk", {"none"}},
            {"redflag.night_pain", false},
            {"redflag.thoracic_pain", false},
            {"pain.duration", "6m_12m"},
            {"pain.location", "back_mostly"},
            {"peg.pain", 6},
            {"peg.enjoyment", 7},
            {"peg.activity", 6},
            {"ibp.onset_before_40", true},
            {"ibp.slow_onset", false},
            {"ibp.better_with_exercise", false},
            {"ibp.rest_no_help", false},
            {"ibp.night_better_up", false},
            {"dx.told", {"annular_tear"}},
            {"img.mri", "within_12m"},
            {"img.findings", {"annular_tear"}},
            {"img.flexion_extension", "not_done"},
            {"img.discography", "not_done"},
            {"cc.pt", "ge6w"},
            {"cc.meds", true},
            {"cc.injections", true},
            {"cc.relief", "temporary"},
            {"cc.pain_program", false},
            {"inst.told_unstable", "no"},
            {"neuro.numbness", "none"},
            {"neuro.weakness", "none"},
            {"hx.prior_surgery", "none"},
            {"proc.blood_thinner", false},
            {"pref.motion", "important"},
            {"pref.avoid_surgery", true}};
}

} // namespace spinepath::test
