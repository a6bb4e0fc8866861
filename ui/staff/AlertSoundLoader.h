#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QPluginLoader;

namespace spinepath::ui {

class AlertSoundFactory;

// Finds the emergency chime plugin (see AlertSound.h) and loads it once. A
// missing or broken plugin is not an error for the program: the caller falls
// back to the system beep, and one warning in the log says why.
class AlertSoundLoader final
{
public:
    // In order: $SPINEPATH_PLUGIN_DIR, <app>/plugins, <app>/../lib/spinepath/plugins,
    // then the build tree's plugins for programs that run from that build tree.
    [[nodiscard]] static QStringList defaultSearchPaths();

    explicit AlertSoundLoader(QStringList searchPaths = defaultSearchPaths());
    ~AlertSoundLoader();
    Q_DISABLE_COPY_MOVE(AlertSoundLoader)

    // Loads on the first call and keeps the answer, failure included; null
    // without the plugin. The factory stays valid for the whole process.
    [[nodiscard]] AlertSoundFactory* factory();
    // Why factory() is null: every place tried and what went wrong there.
    [[nodiscard]] QString errorString() const { return m_error; }
    // The plugin file that factory() came from.
    [[nodiscard]] QString loadedFrom() const { return m_loadedFrom; }
    [[nodiscard]] const QStringList& searchPaths() const { return m_searchPaths; }

    // The process's loader, used by EmergencyAlert.
    [[nodiscard]] static AlertSoundLoader& shared();
    // Replaces the process's loader, so tests can see a missing plugin.
    static void setSharedSearchPathsForTesting(const QStringList& searchPaths);

private:
    void load();

    QStringList m_searchPaths;
    std::unique_ptr<QPluginLoader> m_plugin;
    AlertSoundFactory* m_factory = nullptr;
    bool m_tried = false;
    QString m_error;
    QString m_loadedFrom;
};

} // namespace spinepath::ui
