#include "staff/AlertSound.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QBuffer>
#include <QFile>
#include <QMediaDevices>
#include <QObject>
#include <QUrl>
#include <QtEndian>

#include <optional>

namespace spinepath::ui {

namespace {

// A decoded sound: what QAudioSink needs to play it.
struct Pcm
{
    QAudioFormat format;
    QByteArray samples;
};

QString localPath(const QUrl& source)
{
    if (source.scheme() == QLatin1String("qrc"))
        return QLatin1Char(':') + source.path();
    return source.isLocalFile() ? source.toLocalFile() : QString();
}

QAudioFormat::SampleFormat sampleFormat(quint16 encoding, quint16 bits)
{
    constexpr quint16 kIntegerPcm = 1;
    constexpr quint16 kFloatPcm = 3;
    if (encoding == kIntegerPcm && bits == 8)
        return QAudioFormat::UInt8;
    if (encoding == kIntegerPcm && bits == 16)
        return QAudioFormat::Int16;
    if (encoding == kIntegerPcm && bits == 32)
        return QAudioFormat::Int32;
    if (encoding == kFloatPcm && bits == 32)
        return QAudioFormat::Float;
    return QAudioFormat::Unknown;
}

// Reads an uncompressed RIFF/WAVE file. The chime is read here, on the GUI
// thread and in full, rather than by QSoundEffect: Qt 6.4 loads a
// QSoundEffect's file through Qt Network on a thread of its own, and a program
// that ends during that load deadlocks in QSampleCache's destructor or leaks
// the request. A chime of a few seconds is small and read once.
std::optional<Pcm> readWav(const QUrl& source)
{
    QFile file(localPath(source));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.readAll();
    if (data.size() < 12 || !data.startsWith("RIFF") || data.mid(8, 4) != "WAVE")
        return std::nullopt;

    const auto u16 = [&data](qsizetype at) { return qFromLittleEndian<quint16>(data.constData() + at); };
    const auto u32 = [&data](qsizetype at) { return qFromLittleEndian<quint32>(data.constData() + at); };
    Pcm pcm;
    bool haveFormat = false;
    for (qsizetype at = 12; at + 8 <= data.size();) {
        const QByteArray id = data.mid(at, 4);
        const qsizetype size = u32(at + 4);
        const qsizetype body = at + 8;
        if (size > data.size() - body)
            return std::nullopt;
        if (id == "fmt " && size >= 16) {
            pcm.format.setChannelCount(u16(body + 2));
            pcm.format.setSampleRate(static_cast<int>(u32(body + 4)));
            pcm.format.setSampleFormat(sampleFormat(u16(body), u16(body + 14)));
            haveFormat = pcm.format.isValid();
        } else if (id == "data") {
            pcm.samples = data.mid(body, size);
        }
        at = body + size + (size % 2); // chunks are padded to an even length
    }
    if (!haveFormat || pcm.samples.isEmpty())
        return std::nullopt;
    return pcm;
}

class SinkAlert final : public AlertSound
{
public:
    explicit SinkAlert(const QUrl& source)
        : m_sound(readWav(source))
    {}

    bool play(int loops) override
    {
        stop();
        const QAudioDevice output = QMediaDevices::defaultAudioOutput();
        // Without an output or a readable sound nothing will be heard.
        if (!m_sound || output.isNull() || !output.isFormatSupported(m_sound->format))
            return false;
        m_buffer.setData(m_sound->samples.repeated(qMax(loops, 1)));
        m_buffer.open(QIODevice::ReadOnly);
        m_sink = std::make_unique<QAudioSink>(output, m_sound->format);
        m_sink->setVolume(0.9);
        m_sink->start(&m_buffer);
        return m_sink->error() == QAudio::NoError;
    }

    void stop() override
    {
        if (m_sink)
            m_sink->stop();
        m_sink.reset();
        m_buffer.close();
    }

    ~SinkAlert() override { stop(); }
    Q_DISABLE_COPY_MOVE(SinkAlert)

private:
    std::optional<Pcm> m_sound;
    QBuffer m_buffer;
    std::unique_ptr<QAudioSink> m_sink;
};

} // namespace

class AlertSoundPlugin final : public QObject, public AlertSoundFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SpinePathAlertSoundFactory_iid)
    Q_INTERFACES(spinepath::ui::AlertSoundFactory)

public:
    AlertSoundPlugin() = default;
    Q_DISABLE_COPY_MOVE(AlertSoundPlugin)

    std::unique_ptr<AlertSound> create(const QUrl& source) override
    {
        return std::make_unique<SinkAlert>(source);
    }
};

} // namespace spinepath::ui

#include "AlertSoundPlugin.moc"
