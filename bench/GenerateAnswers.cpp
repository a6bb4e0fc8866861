// Writes synthetic answer sets as JSON Lines for the benchmarks: about fifty
// fields of the clinical spec v2 intake, grouped as in the questionnaire, with
// some questions skipped and red flags rare.
// Deterministic for a given seed. Synthetic data only, never a real patient.
//
//     spinepath-bench-answers [--flat] COUNT [SEED] > answers.jsonl
//
// Nested ({"pain": {"duration": ...}}) suits JsonLogic benchmarks; --flat
// writes the answer sets of the clinical spec, keyed by linkId.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

class AnswerWriter final
{
public:
    AnswerWriter(std::uint64_t seed, bool flat)
        : m_random(seed)
        , m_flat(flat)
    {}

    std::string next()
    {
        m_line.clear();
        m_groups = 0;
        m_line += '{';
        group("safety", [&] { integer("age", 16, 90, 0.02); });
        group("redflag", [&] {
            for (const char* flag :
                 {"bladder_bowel", "saddle_numbness", "sexual_function", "both_legs", "progressive_weakness",
                  "gait", "recent_trauma", "trauma_major", "fever", "weight_loss", "cancer_history",
                  "procedure_then_worse", "night_pain", "thoracic_pain"})
                boolean(flag, 0.02, 0.02);
            codesOrNone("infection_risk", {"iv_drugs", "weak_immune", "recent_infection"}, 0.05);
            codesOrNone("bone_risk", {"steroids", "osteoporosis"}, 0.08);
        });
        group("pain", [&] {
            code("duration", {"lt6w", "6w_3m", "3m_6m", "6m_12m", "gt12m"}, 0.05);
            code("location", {"back_mostly", "leg_mostly", "both"}, 0.0);
        });
        group("peg", [&] {
            for (const char* item : {"pain", "enjoyment", "activity"})
                integer(item, 0, 10);
        });
        group("ibp", [&] {
            for (const char* item :
                 {"onset_before_40", "slow_onset", "better_with_exercise", "rest_no_help", "night_better_up"})
                boolean(item, 0.3, 0.1);
        });
        group("dx", [&] {
            codes("told", {"ddd", "annular_tear", "herniation", "spondylolisthesis", "deformity", "fracture",
                           "stenosis"});
            code("spondy_grade", {"grade1", "grade2", "grade3plus", "unknown"}, 0.6);
            boolean("deformity_progressive", 0.1, 0.7);
            code("fracture_stability", {"stable", "unstable", "unknown"}, 0.8);
        });
        group("img", [&] {
            code("mri", {"within_12m", "older", "none"}, 0.05);
            codes("findings", {"annular_tear", "disc_degeneration", "contained_herniation",
                               "extruded_herniation", "normal"});
            code("flexion_extension", {"abnormal_motion", "normal", "not_done"}, 0.1);
            code("discography", {"concordant", "nonconcordant", "not_done"}, 0.1);
        });
        group("cc", [&] {
            code("pt", {"none", "lt6w", "ge6w"}, 0.0);
            boolean("meds", 0.6);
            boolean("injections", 0.4);
            code("relief", {"lasting", "temporary", "none"}, 0.0);
            boolean("pain_program", 0.3, 0.1);
        });
        group("inst", [&] { code("told_unstable", {"yes", "no", "unknown"}, 0.0); });
        group("neuro", [&] {
            code("numbness", {"none", "stable", "worsening"}, 0.0);
            code("weakness", {"none", "stable", "worsening"}, 0.0);
        });
        group("hx", [&] {
            code("prior_surgery", {"none", "decompression", "fusion", "other"}, 0.05);
            boolean("pain_after_surgery", 0.5, 0.5);
            boolean("adjacent_segment", 0.3, 0.6);
        });
        group("proc", [&] { boolean("blood_thinner", 0.15, 0.05); });
        group("pref", [&] {
            code("motion", {"important", "neutral", "not_important"}, 0.05);
            boolean("avoid_surgery", 0.7);
        });
        m_line += '}';
        return m_line;
    }

private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_random) < p; }

    template <typename Fill> void group(const char* name, Fill fill)
    {
        m_group = name;
        if (m_flat) {
            fill();
            return;
        }
        separator(m_groups);
        m_line += '"';
        m_line += name;
        m_line += "\":{";
        m_fields = 0;
        fill();
        m_line += '}';
    }

    void key(const char* name)
    {
        separator(m_flat ? m_groups : m_fields);
        m_line += '"';
        if (m_flat) {
            m_line += m_group;
            m_line += '.';
        }
        m_line += name;
        m_line += "\":";
    }

    void separator(int& count)
    {
        if (count++ > 0)
            m_line += ',';
    }

    void boolean(const char* name, double pTrue, double pSkipped = 0.0)
    {
        if (chance(pSkipped))
            return;
        key(name);
        m_line += chance(pTrue) ? "true" : "false";
    }

    void code(const char* name, std::vector<const char*> options, double pSkipped)
    {
        if (chance(pSkipped))
            return;
        key(name);
        m_line += '"';
        m_line += options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(m_random)];
        m_line += '"';
    }

    void codes(const char* name, std::vector<const char*> options)
    {
        key(name);
        m_line += '[';
        int written = 0;
        for (const char* option : options) {
            if (!chance(0.25))
                continue;
            separator(written);
            m_line += '"';
            m_line += option;
            m_line += '"';
        }
        m_line += ']';
    }

    // A "choose all that apply" list with an exclusive "none": some of the
    // options with probability pAny, else just "none".
    void codesOrNone(const char* name, std::vector<const char*> options, double pAny)
    {
        key(name);
        m_line += '[';
        int written = 0;
        if (chance(pAny)) {
            for (const char* option : options) {
                if (!chance(0.5))
                    continue;
                separator(written);
                m_line += '"';
                m_line += option;
                m_line += '"';
            }
            if (written == 0) {
                m_line += '"';
                m_line +=
                    options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(m_random)];
                m_line += '"';
            }
        } else {
            m_line += "\"none\"";
        }
        m_line += ']';
    }

    void integer(const char* name, int low, int high, double pSkipped = 0.0)
    {
        if (chance(pSkipped))
            return;
        key(name);
        m_line += std::to_string(std::uniform_int_distribution<int>(low, high)(m_random));
    }

    std::mt19937_64 m_random;
    bool m_flat;
    const char* m_group = "";
    std::string m_line;
    int m_groups = 0;
    int m_fields = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    const bool flat = argc > 1 && std::string(argv[1]) == "--flat";
    if (argc < 2 + flat) {
        std::fprintf(stderr, "usage: spinepath-bench-answers [--flat] COUNT [SEED]\n");
        return 2;
    }
    const long count = std::strtol(argv[1 + flat], nullptr, 10);
    const auto seed = argc > 2 + flat ? std::strtoull(argv[2 + flat], nullptr, 10) : 20261125ULL;
    AnswerWriter writer(seed, flat);
    std::string out;
    for (long i = 0; i < count; ++i) {
        out += writer.next();
        out += '\n';
        if (out.size() > (1 << 20)) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
