// Issue 22's acceptance: 100 generated home answer sets, each printed on its
// patient copy, the PDF rendered at 150 dpi by pdftoppm, the code read by
// zbarimg and by SpinePath, imported, and the stored answers compared with
// the originals. Also measures the printed code.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "report/GuiApplicationListener.h"

#include "core/clinic/ClinicContent.h"
#include "core/handoff/HandoffImport.h"
#include "core/handoff/HandoffPayload.h"
#include "core/handoff/QrCode.h"
#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/ReportPdf.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Database.h"
#include "support/ChildProcess.h"
#include "support/RandomHomeAnswers.h"
#include "support/TempDir.h"
#include "support/TestSeed.h"

#include <QImage>
#include <QTimeZone>

#include <cmath>
#include <iostream>
#include <sstream>

using namespace spinepath;
using nlohmann::json;

using spinepath::report::test::GuiApplicationListener;
CATCH_REGISTER_LISTENER(GuiApplicationListener)

namespace {

constexpr int kAnswerSets = 100;
constexpr double kDpi = 150.0;

const ClinicContent& content()
{
    static const auto loaded = ClinicContent::load(std::string(SPINEPATH_SOURCE_DIR) + "/content");
    return *loaded;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

} // namespace

TEST_CASE("100 home answer sets travel on the printed page: pdftoppm, zbarimg, SpinePath, import")
{
    const auto& questionnaire = content().screening().questionnaire();
    test::RandomHomeAnswers random(questionnaire, test::testSeed("handoff acceptance"));
    test::TempDir folder;

    storage::OpenOptions options;
    options.path = QString::fromStdString(folder.path("clinic.sqlite"));
    auto opened = storage::Database::open(options);
    REQUIRE(opened);
    storage::AssessmentLifecycle lifecycle(**opened, "test");

    std::vector<json> originals;
    std::vector<std::string> payloads;
    std::vector<std::vector<std::string>> pages; // each copy's pages as PNG
    const QDateTime base(QDate(2026, 12, 1), QTime(19, 5), QTimeZone::utc());
    for (int index = 0; index < kAnswerSets; ++index) {
        const json answers = random.next();
        report::AssessmentInfo info;
        info.mode = AssessmentMode::Home;
        info.takenAt = base.addSecs(60LL * index);
        const report::ReportData data = content().reportFromInput(answers, info);
        REQUIRE(!data.handoffPayload.empty());
        REQUIRE(data.answers == answers);
        const std::string pdf = folder.path("copy-" + std::to_string(index) + ".pdf");
        const int pageCount =
            report::writePdf(report::DocumentKind::PatientCopy, data, Paper::A4, QString::fromStdString(pdf));
        // Every page: the code sits near the end of the copy, but a long
        // disclaimer may flow onto a last page of its own.
        const std::string stem = folder.path("page-" + std::to_string(index));
        const auto rendered = test::runProgram({"pdftoppm", "-r", "150", "-png", pdf, stem});
        REQUIRE(rendered.exitCode == 0);
        originals.push_back(answers);
        payloads.push_back(data.handoffPayload);
        std::vector<std::string> rendering;
        for (int number = 1; number <= pageCount; ++number)
            rendering.push_back(stem + "-" + std::to_string(number) + ".png");
        pages.push_back(rendering);
    }

    // zbarimg reads each page on its own, as the clinic's scanner would: one
    // code in the whole copy (a page without one exits with 4).
    std::vector<std::string> zbarCodes;
    for (const std::vector<std::string>& copy : pages) {
        std::vector<std::string> found;
        for (const std::string& page : copy) {
            const auto scanned =
                test::runProgram({"zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", page});
            for (const std::string& code : lines(scanned.out))
                found.push_back(code);
        }
        zbarCodes.push_back(found.size() == 1 ? found[0] : std::string());
    }

    double smallestMm = 1e9;
    double largestMm = 0;
    for (int index = 0; index < kAnswerSets; ++index) {
        INFO("answer set " << index << ": " << originals[index].dump());
        INFO("pages " << pages[index].front() << "…, payload of " << payloads[index].size() << " characters");
        CHECK(zbarCodes[index] == payloads[index]);

        // The page with the code, and no other code on any page.
        std::string withCode;
        std::vector<handoff::FoundQrCode> found;
        for (const std::string& rendering : pages[index]) {
            auto onPage = handoff::findQrCodes(QImage(QString::fromStdString(rendering)));
            if (!onPage.empty())
                withCode = rendering;
            found.insert(found.end(), onPage.begin(), onPage.end());
        }
        REQUIRE(found.size() == 1);
        CHECK(found[0].text == payloads[index]);
        const QRect box = found[0].corners.boundingRect();
        const double mm = std::max(box.width(), box.height()) / kDpi * 25.4;
        smallestMm = std::min(smallestMm, mm);
        largestMm = std::max(largestMm, mm);

        // SpinePath reads the page image, as the staff console reads a scan.
        const handoff::ReceivedAnswers received =
            handoff::readHandoffFile(QString::fromStdString(withCode), questionnaire);
        CHECK(received.answers.answers == originals[index]);
        const auto imported =
            lifecycle.importFromHome(handoff::prepareImport(content().screening(), received));
        REQUIRE(imported);
        CHECK_FALSE(imported->duplicate);

        const auto stored = storage::AssessmentQueries(**opened).get(imported->id);
        REQUIRE(stored);
        CHECK(stored->imported);
        CHECK(stored->mode == AssessmentMode::Home);
        CHECK(stored->completedAt == base.addSecs(60LL * index));
        CHECK(questionnaire::fromQuestionnaireResponse(questionnaire, stored->answers) == originals[index]);
    }
    // The code's modules without the quiet zone, as ZXing locates them.
    std::cout << "printed code (without its quiet zone): " << smallestMm << " to " << largestMm
              << " mm across; payloads " << payloads.front().size() << " characters (first set)" << std::endl;
    CHECK(smallestMm > 25.0);
    CHECK(largestMm < 40.0);
}
