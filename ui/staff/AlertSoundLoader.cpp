#include "staff/AlertSoundLoader.h"

#include "staff/AlertSound.h"

#include "core/util/ExecutableLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

#include <spdlog/spdlog.h>

namespace spinepath::ui {

namespace {

// Both from CMake: the platform's name for the module, and where the build puts it.
const QString kPluginFile = QStringLiteral(SPINEPATH_ALERTSOUND_FILE);
const QString kBuildPluginDir = QStringLiteral(SPINEPATH_BUILD_PLUGIN_DIR);

std::unique_ptr<AlertSoundLoader>& sharedSlot()
{
    static std::unique_ptr<AlertSoundLoader> loader;
    return loader;
}

} // namespace

QStringList AlertSoundLoader::defaultSearchPaths()
{
    QStringList paths;
    const QString fromEnvironment = qEnvironmentVariable("SPINEPATH_PLUGIN_DIR");
    if (!fromEnvironment.isEmpty())
        paths << fromEnvironment;
    const QString appDir = spinepath::executableDirectory();
    if (!appDir.isEmpty()) {
        paths << appDir + QStringLiteral("/plugins");
        paths << QDir::cleanPath(appDir + QStringLiteral("/../lib/spinepath/plugins"));
        // An installed copy must not pick up code from wherever it was built.
        if (spinepath::runsFromBuildTree())
            paths << kBuildPluginDir;
    }
    return paths;
}

AlertSoundLoader::AlertSoundLoader(QStringList searchPaths)
    : m_searchPaths(std::move(searchPaths))
{}

// The plugin stays loaded (PreventUnloadHint): the sounds it made may outlive us.
AlertSoundLoader::~AlertSoundLoader() = default;

AlertSoundFactory* AlertSoundLoader::factory()
{
    if (!m_tried) {
        m_tried = true;
        load();
    }
    return m_factory;
}

void AlertSoundLoader::load()
{
    QStringList problems;
    for (const QString& dir : std::as_const(m_searchPaths)) {
        const QString path = QDir(dir).filePath(kPluginFile);
        if (!QFileInfo::exists(path))
            continue;
        auto plugin = std::make_unique<QPluginLoader>(path);
        plugin->setLoadHints(QLibrary::PreventUnloadHint);
        QObject* instance = plugin->instance();
        auto* factory = qobject_cast<AlertSoundFactory*>(instance);
        if (factory) {
            m_plugin = std::move(plugin);
            m_factory = factory;
            m_loadedFrom = path;
            m_error.clear();
            return;
        }
        problems << (instance ? QStringLiteral("%1: not a %2 plugin")
                                    .arg(path, QLatin1String(SpinePathAlertSoundFactory_iid))
                              : plugin->errorString());
    }
    if (problems.isEmpty())
        problems << QStringLiteral("%1 not found in %2")
                        .arg(kPluginFile, m_searchPaths.isEmpty() ? QStringLiteral("(no folders)")
                                                                  : m_searchPaths.join(QStringLiteral(", ")));
    m_error = problems.join(QStringLiteral("; "));
    spdlog::warn("emergency chime plugin {} not loaded, the system beep stands in: {}",
                 kPluginFile.toStdString(), m_error.toStdString());
}

AlertSoundLoader& AlertSoundLoader::shared()
{
    auto& loader = sharedSlot();
    if (!loader)
        loader = std::make_unique<AlertSoundLoader>();
    return *loader;
}

void AlertSoundLoader::setSharedSearchPathsForTesting(const QStringList& searchPaths)
{
    sharedSlot() = std::make_unique<AlertSoundLoader>(searchPaths);
}

} // namespace spinepath::ui
