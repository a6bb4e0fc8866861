<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>report</name>
    <message numerus="yes">
      <source>all %n yes/no questions</source>
      <translation>
        <numerusform>the %n yes/no question</numerusform>
        <numerusform>all %n yes/no questions</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::ArticleView</name>
    <message numerus="yes">
      <source>%n minute(s) to read</source>
      <translation>
        <numerusform>%n minute to read</numerusform>
        <numerusform>%n minutes to read</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::AuditLogPage</name>
    <message numerus="yes">
      <source>%n entries exported to %1.</source>
      <translation>
        <numerusform>%n entry exported to %1.</numerusform>
        <numerusform>%n entries exported to %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Showing %1 of %n entries, newest first</source>
      <translation>
        <numerusform>Showing %1 of %n entry, newest first</numerusform>
        <numerusform>Showing %1 of %n entries, newest first</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::ExportDialog</name>
    <message numerus="yes">
      <source>Export %n selected assessment(s). The file holds health information: keep it on a protected drive, and delete it when it is no longer needed.</source>
      <translation>
        <numerusform>Export %n selected assessment. The file holds health information: keep it on a protected drive, and delete it when it is no longer needed.</numerusform>
        <numerusform>Export %n selected assessments. The file holds health information: keep it on a protected drive, and delete it when it is no longer needed.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::LibraryPage</name>
    <message numerus="yes">
      <source>%n minute(s) to read</source>
      <translation>
        <numerusform>%n minute to read</numerusform>
        <numerusform>%n minutes to read</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::PinDialog</name>
    <message numerus="yes">
      <source>Wrong PIN. %n tries left before the console locks until the PIN is reset.</source>
      <translation>
        <numerusform>Wrong PIN. %n try left before the console locks until the PIN is reset.</numerusform>
        <numerusform>Wrong PIN. %n tries left before the console locks until the PIN is reset.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::QuestionWidget</name>
    <message numerus="yes">
      <source>This answer is too short. Please use at least %n characters.</source>
      <translation>
        <numerusform>This answer is too short. Please use at least %n character.</numerusform>
        <numerusform>This answer is too short. Please use at least %n characters.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::SetPinDialog</name>
    <message numerus="yes">
      <source>No staff PIN is set. To set one, run this command on this computer (or over SSH). Enter the code it prints here, within %n minutes, with the new PIN.</source>
      <translation>
        <numerusform>No staff PIN is set. To set one, run this command on this computer (or over SSH). Enter the code it prints here, within %n minute, with the new PIN.</numerusform>
        <numerusform>No staff PIN is set. To set one, run this command on this computer (or over SSH). Enter the code it prints here, within %n minutes, with the new PIN.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The reset code has expired: a code works for %n minutes. Run the command above for a new one.</source>
      <translation>
        <numerusform>The reset code has expired: a code works for %n minute. Run the command above for a new one.</numerusform>
        <numerusform>The reset code has expired: a code works for %n minutes. Run the command above for a new one.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::SettingsPage</name>
    <message numerus="yes">
      <source>%n articles</source>
      <translation>
        <numerusform>%n article</numerusform>
        <numerusform>%n articles</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::StaffConsole</name>
    <message numerus="yes">
      <source>Exported %n assessment(s) to %1.</source>
      <translation>
        <numerusform>Exported %n assessment to %1.</numerusform>
        <numerusform>Exported %n assessments to %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln assessment(s) today, %1 urgent (at the top).</source>
      <translation>
        <numerusform>%Ln assessment today, %1 urgent (at the top).</numerusform>
        <numerusform>%Ln assessments today, %1 urgent (at the top).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln assessment(s) today.</source>
      <translation>
        <numerusform>%Ln assessment today.</numerusform>
        <numerusform>%Ln assessments today.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The first %Ln are shown.</source>
      <translation>
        <numerusform>The first %Ln is shown.</numerusform>
        <numerusform>The first %Ln are shown.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Show %Ln more</source>
      <translation>
        <numerusform>Show %Ln more</numerusform>
        <numerusform>Show %Ln more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln assessment(s) found.</source>
      <translation>
        <numerusform>%Ln assessment found.</numerusform>
        <numerusform>%Ln assessments found.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::StillTherePrompt</name>
    <message numerus="yes">
      <source>To keep your answers private, this screen will clear in %n second(s).</source>
      <translation>
        <numerusform>To keep your answers private, this screen will clear in %n second.</numerusform>
        <numerusform>To keep your answers private, this screen will clear in %n seconds.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>spinepath::ui::UnsentAnswersBanner</name>
    <message numerus="yes">
      <source>The kiosk %1 holds %Ln answer set(s) it could not send to the server yet (the oldest from %2).</source>
      <translation>
        <numerusform>The kiosk %1 holds %Ln answer set it could not send to the server yet (the oldest from %2).</numerusform>
        <numerusform>The kiosk %1 holds %Ln answer sets it could not send to the server yet (the oldest from %2).</numerusform>
      </translation>
    </message>
  </context>
</TS>