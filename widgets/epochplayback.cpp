#include "epochplayback.h"

#include <algorithm>

EpochPlayback::EpochPlayback(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1000 / m_fps);
    connect(&m_timer, &QTimer::timeout, this, &EpochPlayback::next);
}

void EpochPlayback::setEpochs(const QList<int> &epochs, int current)
{
    m_epochs = epochs;
    m_current = current;
    if (m_epochs.isEmpty())
        setPlaying(false);
}

int EpochPlayback::insertEpoch(int epoch)
{
    const auto at = std::lower_bound(m_epochs.begin(), m_epochs.end(), epoch);
    const int index = int(at - m_epochs.begin());
    if (at == m_epochs.end() || *at != epoch)
        m_epochs.insert(index, epoch);
    return index;
}

void EpochPlayback::clear()
{
    setPlaying(false);
    m_epochs.clear();
    m_current = 0;
}

int EpochPlayback::currentIndex() const
{
    const auto at = std::lower_bound(m_epochs.cbegin(), m_epochs.cend(), m_current);
    return at != m_epochs.cend() && *at == m_current ? int(at - m_epochs.cbegin()) : -1;
}

void EpochPlayback::setCurrentEpoch(int epoch)
{
    if (epoch == m_current)
        return;
    m_current = epoch;
    Q_EMIT currentEpochChanged(m_current);
}

int EpochPlayback::nextEpoch() const
{
    if (m_epochs.isEmpty())
        return 0;
    // Upper bound rather than index + 1: the current epoch may lie between two of them.
    const auto next = std::upper_bound(m_epochs.cbegin(), m_epochs.cend(), m_current);
    return next != m_epochs.cend() ? *next : m_epochs.first();
}

int EpochPlayback::epochAt(int delta) const
{
    if (m_epochs.isEmpty())
        return 0;
    const int index = std::max(0, currentIndex());
    return m_epochs[std::clamp(index + delta, 0, int(m_epochs.size()) - 1)];
}

void EpochPlayback::setPlaying(bool playing)
{
    if (playing && m_epochs.isEmpty())
        playing = false;
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (m_playing)
        m_timer.start();
    else
        m_timer.stop();
    Q_EMIT playingChanged(m_playing);
}

void EpochPlayback::setFramesPerSecond(int fps)
{
    m_fps = std::clamp(fps, 1, 60);
    // QTimer::setInterval restarts a running timer with the new period.
    m_timer.setInterval(1000 / m_fps);
}

void EpochPlayback::next()
{
    if (!m_epochs.isEmpty())
        Q_EMIT epochRequested(nextEpoch());
}

void EpochPlayback::step(int delta)
{
    if (!m_epochs.isEmpty())
        Q_EMIT epochRequested(epochAt(delta));
}
