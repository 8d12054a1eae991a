<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/aboutdialog.ui" line="+6"/>
        <source>About GANvas</source>
        <translation>关于 GANvas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h2&gt;GANvas&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;GANvas&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A desktop studio for training generative adversarial networks: pick a dataset and a model, press Start, and watch the generator learn.</source>
        <translation>一个训练生成对抗网络的桌面工作室：选好数据集和模型，点击“开始”，就能看着生成器一步步学会生成图像。</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/aboutdialog.cpp" line="+16"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the CPU (%n cores; this libtorch has no CUDA)</source>
        <translation>
            <numerusform>CPU（%n 个核心；此 libtorch 不支持 CUDA）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>the CPU (%n cores; no CUDA GPU found)</source>
        <translation>
            <numerusform>CPU（%n 个核心；未找到 CUDA GPU）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>a CUDA GPU (GPUs found: %n) or the CPU</source>
        <translation>
            <numerusform>CUDA GPU（找到 %n 块）或 CPU</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built with Qt %1, libtorch %2 and QCustomPlot.&lt;br&gt;Trains on %3.&lt;br&gt;Matrix maths (BLAS): %4.</source>
        <translation>基于 Qt %1、libtorch %2 和 QCustomPlot 构建。&lt;br&gt;训练设备：%3。&lt;br&gt;矩阵运算（BLAS）：%4。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free software under the GNU General Public License, version 3 or later (the LICENSE file). It comes with no warranty.</source>
        <translation>本软件是自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布（见 LICENSE 文件），不提供任何担保。</translation>
    </message>
</context>
<context>
    <name>ActionToolTip</name>
    <message>
        <location filename="../../app/support/shortcuts.cpp" line="+32"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>CheckpointBrowser</name>
    <message>
        <location filename="../../app/panels/checkpointbrowser.cpp" line="+23"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Written</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D / G loss</source>
        <translation>D / G 损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FD</source>
        <translation>FD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>★ marks the best checkpoint (lowest FD).</source>
        <translation>★ 标出最佳检查点（FD 最低）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume from here</source>
        <translation>从这里继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>生成样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue training from this checkpoint</source>
        <translation>从这个检查点继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new 4x4 grid from this checkpoint&apos;s generator with fresh noise</source>
        <translation>用这个检查点的生成器和新的随机噪声，生成一个新的 4×4 样本网格</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No checkpoint yet. A run writes one every “Checkpoint every” epochs (an advanced setting), when it ends or is stopped, and when you press Save checkpoint.</source>
        <translation>还没有检查点。训练每隔“检查点间隔”轮（一项高级设置）、在结束或被停止时，以及你点击“保存检查点”时，都会写下一个检查点。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured with %1</source>
        <translation>用 %1 测得</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Delete checkpoint</source>
        <translation>删除检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1? It cannot be undone.</source>
        <translation>删除 %1？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
</context>
<context>
    <name>ComparisonComposer</name>
    <message>
        <location filename="../../widgets/comparisoncomposer.cpp" line="+49"/>
        <source>No samples yet</source>
        <translation>还没有样本</translation>
    </message>
</context>
<context>
    <name>ComparisonEpochBar</name>
    <message>
        <location filename="../../widgets/comparisonepochbar.cpp" line="+6"/>
        <location line="+26"/>
        <source>Epoch %1 of %2</source>
        <translation>第 %1 轮 / 共 %2 轮</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch – of –</source>
        <translation>第 – 轮 / 共 – 轮</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the epochs of all runs together</source>
        <translation>同时逐轮播放所有训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>ComparisonGridView</name>
    <message>
        <location filename="../../widgets/comparisongridview.cpp" line="+116"/>
        <source>No samples yet</source>
        <translation>还没有样本</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no real</source>
        <translation>无真实样本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>real</source>
        <translation>真实样本</translation>
    </message>
</context>
<context>
    <name>ComparisonPlot</name>
    <message>
        <location filename="../../widgets/comparisonplot.cpp" line="+53"/>
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality score (FD)</source>
        <translation>质量分数（FD）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Smoothing of the loss curves (an exponential moving average, as in TensorBoard)</source>
        <translation>损失曲线的平滑程度（指数移动平均，与 TensorBoard 相同）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show all data and follow new data again (or double-click the plot)</source>
        <translation>显示全部数据，并重新跟随新数据（也可以双击图表）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+179"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FD score (lower is better)</source>
        <translation>FD 分数（越低越好）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One point per scored epoch. Drag to pan, scroll to zoom.</source>
        <translation>每个算过分数的轮次对应一个点。拖动可平移，滚动滚轮可缩放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G loss solid, D loss dashed. Drag to pan, scroll to zoom.</source>
        <translation>实线是 G 的损失，虚线是 D 的损失。拖动可平移，滚动滚轮可缩放。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>%1 G</source>
        <translation>%1 G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 D</source>
        <translation>%1 D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 FD</source>
        <translation>%1 FD</translation>
    </message>
</context>
<context>
    <name>ComparisonRuns</name>
    <message>
        <location filename="../../app/runs/comparisonruns.cpp" line="+115"/>
        <location line="+26"/>
        <source>At most %1 runs can be compared; remove one first.</source>
        <translation>最多只能对比 %1 个训练；请先移除一个。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Invalid settings: %1</source>
        <translation>设置无效：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <comment>between the problems of a list</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 has trained all its %2 epochs.</source>
        <translation>%1 已经训练完全部 %2 轮。</translation>
    </message>
</context>
<context>
    <name>ComparisonTable</name>
    <message>
        <location filename="../../widgets/comparisontable.cpp" line="+15"/>
        <source>Show all settings</source>
        <translation>显示全部设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also list the settings that are the same in every run</source>
        <translation>把在所有训练中都相同的设置也列出来</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <location filename="../../widgets/comparisontablemodel.cpp" line="+199"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings: all the same</source>
        <translation>设置：全部相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latest figures</source>
        <translation>最新数值</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../../widgets/comparisonview.cpp" line="+33"/>
        <source>Add two to four runs to compare them side by side.</source>
        <translation>添加两到四个训练，就可以把它们并排对比。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show real samples</source>
        <translation>显示真实样本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show a grid of real training images beside each run&apos;s samples</source>
        <translation>在每个训练的样本旁边显示一个真实训练图像的网格</translation>
    </message>
    <message>
        <location line="+228"/>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (real)</source>
        <translation>%1（真实样本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No real samples</source>
        <translation>没有真实样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>real training samples</source>
        <translation>真实训练样本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>epoch %1 not reached</source>
        <translation>还没到第 %1 轮</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <location filename="../../app/windows/comparisonwindow.cpp" line="+56"/>
        <source>GANvas — compare runs</source>
        <translation>GANvas — 对比训练</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+320"/>
        <source>FD</source>
        <translation>FD</translation>
    </message>
    <message>
        <location line="-319"/>
        <location line="+323"/>
        <source>best FD</source>
        <translation>最佳 FD</translation>
    </message>
    <message>
        <location line="-322"/>
        <location line="+319"/>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <location line="-318"/>
        <location line="+319"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="-318"/>
        <location line="+319"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="-309"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+40"/>
        <source>Runs</source>
        <translation>训练列表</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>&amp;Runs</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add run…</source>
        <translation>添加训练(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up one more run to train beside the others</source>
        <translation>再设置一个训练，与其他训练同时进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add run from &amp;disk…</source>
        <translation>从磁盘添加训练(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a run trained earlier (its folder under runs/) beside the others</source>
        <translation>把以前完成的一个训练（runs/ 下它的文件夹）与其他训练并排显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start all</source>
        <translation>全部开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or continue every run, sharing the CPU cores between them</source>
        <translation>开始或继续所有训练，它们共用 CPU 核心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause all</source>
        <translation>全部暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause every run that is training</source>
        <translation>暂停所有正在进行的训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top all</source>
        <translation>全部停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End every run and save its checkpoint</source>
        <translation>结束所有训练，并各自保存检查点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport PNG…</source>
        <translation>导出 PNG(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the grids of the epoch shown, side by side, as one picture</source>
        <translation>把当前所显示那一轮的各个网格并排保存成一张图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;GIF…</source>
        <translation>导出 GIF(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every epoch&apos;s grids, side by side, as an animated GIF</source>
        <translation>把每一轮的各个网格并排保存成 GIF 动画</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+148"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or continue the run selected above</source>
        <translation>开始或继续上面选中的训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the selected run, or go on</source>
        <translation>暂停选中的训练，或让它继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the selected run and save its checkpoint</source>
        <translation>结束选中的训练并保存检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected run out of the comparison (its folder stays on disk)</source>
        <translation>把选中的训练移出对比（它的文件夹仍保留在磁盘上）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The comparison view is full.</source>
        <translation>对比视图已满。</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source> · threads: %n</source>
        <translation>
            <numerusform> · %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>epochs done</source>
        <translation>已完成轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (epoch %2)</source>
        <translation>%1（第 %2 轮）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>At most %1 runs can be compared; remove one first.</source>
        <translation>最多只能对比 %1 个训练；请先移除一个。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add a run directory</source>
        <translation>添加训练目录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the comparison as PNG</source>
        <translation>将对比导出为 PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+13"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Export the comparison as GIF</source>
        <translation>将对比导出为 GIF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GIF images (*.gif)</source>
        <translation>GIF 图像 (*.gif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>ConfigChoice</name>
    <message>
        <location filename="../../app/panels/hyperparameterpanel.cpp" line="+82"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rollback</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>ConfigTexts</name>
    <message>
        <location filename="../../app/runs/configtexts.cpp" line="+31"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 or %2</source>
        <comment>the last two items of a list of choices</comment>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must be %1</source>
        <comment>a choice</comment>
        <translation>必须是 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be %1 (%2) or %3 to %4</source>
        <translation>必须是 %1（%2）或 %3 到 %4 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be %1 (%2) or at least %3</source>
        <translation>必须是 %1（%2）或不小于 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be &gt; %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>must be &gt;= %1</source>
        <translation>必须不小于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be &gt; %1 and &lt; %2</source>
        <translation>必须大于 %1 且小于 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be in (%1, %2]</source>
        <translation>必须在 (%1, %2] 之内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be in [%1, %2)</source>
        <translation>必须在 [%1, %2) 之内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be %1 to %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <comment>a rule and its note</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>only apply to the %1 losses (loss is %2)</source>
        <translation>只适用于 %1 损失（当前损失为 %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is larger than the %1 images that limit leaves (got %2)</source>
        <translation>大于图像数量上限留下的 %1 张图像（当前为 %2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (got %2)</source>
        <comment>a rule and the value that breaks it</comment>
        <translation>%1（当前为 %2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 and %2</source>
        <comment>two settings a problem is about</comment>
        <translation>%1和%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <comment>a setting&apos;s label and what is wrong with it</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <location filename="../../widgets/curveplot.cpp" line="+64"/>
        <source>Fit</source>
        <translation>全部显示</translation>
    </message>
</context>
<context>
    <name>DatasetListModel</name>
    <message>
        <location filename="../../app/dialogs/datasetlistmodel.cpp" line="+40"/>
        <source>not here: Fetch downloads it</source>
        <translation>不在本机：点“下载”即可获取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fetched to %1</source>
        <translation>已下载到 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>installed at %1</source>
        <translation>已安装在 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download</source>
        <translation>下载大小</translation>
    </message>
</context>
<context>
    <name>DatasetManager</name>
    <message>
        <location filename="../../ui/datasetmanager.ui" line="+6"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../app/dialogs/datasetmanager.cpp" line="+78"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where fetched datasets are stored (GANVAS_DATA_DIR or the XDG data folder).</source>
        <translation>下载的数据集存放在这里（GANVAS_DATA_DIR 或 XDG 数据文件夹）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the usual public mirrors</source>
        <translation>常用的公共镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch every file from URL/&lt;dataset&gt;/&lt;file&gt; instead (GANVAS_DATASET_MIRROR).</source>
        <translation>改为从 URL/&lt;dataset&gt;/&lt;file&gt; 下载每个文件（GANVAS_DATASET_MIRROR）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fetch</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use for training</source>
        <translation>用于训练</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preview image folder…</source>
        <translation>预览图片文件夹…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image folders are resized to 28, 32 or 64 pixels square.</source>
        <translation>图片文件夹中的图片会缩放成边长 28、32 或 64 像素的正方形。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image folders: grey, colour, or grey only if every picture is grey.</source>
        <translation>图片文件夹的颜色：灰度、彩色，或自动判断（所有图片都是灰度时才用灰度）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>background: #202020;</source>
        <translation>background: #202020;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a dataset and press Preview to see real samples.</source>
        <translation>选择一个数据集，然后点击“预览”查看真实样本。</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/datasetmanager.cpp" line="-43"/>
        <location line="+224"/>
        <source>No download running</source>
        <translation>没有正在进行的下载</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>auto colour</source>
        <translation>自动判断颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+255"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="-254"/>
        <location line="+254"/>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fetch</source>
        <translation>下载(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify</source>
        <translation>校验(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview image &amp;folder…</source>
        <translation>预览图片文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use for training</source>
        <translation>用于训练(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: every file checks out.</source>
        <translation>%1：所有文件校验无误。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A folder of PNG or JPEG images</source>
        <translation>选择 PNG 或 JPEG 图片所在的文件夹</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Fetch it first: it is not in the data folder yet.</source>
        <translation>请先下载：数据文件夹中还没有它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check every file against its published checksum.</source>
        <translation>用公布的校验和逐一核对每个文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show real images of the dataset.</source>
        <translation>显示这个数据集中的真实图像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put this dataset into the main window&apos;s settings.</source>
        <translation>把这个数据集填入主窗口的设置。</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+63"/>
        <source>Unknown dataset &apos;%1&apos;.</source>
        <translation>未知的数据集“%1”。</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Fetching %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelled: nothing was installed (the partial download is kept to resume).</source>
        <translation>已取消：没有安装任何内容（已下载的部分会保留，以便之后续传）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is ready in %2.</source>
        <translation>%1 已就绪，位于 %2。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Download done</source>
        <translation>下载完成</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 images · %3×%4 · %5&lt;br&gt;from %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 张图像 · %3×%4 · %5&lt;br&gt;来源：%6</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;br&gt;unreadable files skipped: %n</source>
        <translation>
            <numerusform>&lt;br&gt;已跳过 %n 个无法读取的文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
</context>
<context>
    <name>DiscriminatorAdvisor</name>
    <message>
        <location filename="../../app/panels/discriminatorpanel.cpp" line="+77"/>
        <source>D is winning: for a while now it has told every fake from the real images, so its verdicts give G little to learn from. Try a lower learning rate for D, label smoothing (0.1) or instance noise.</source>
        <translation>D 占了上风：一段时间以来，它都能把每张生成图像和真实图像区分开，所以它的判断几乎没有给 G 留下可学的东西。可以试试降低 D 的学习率、使用标签平滑（0.1）或实例噪声。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>G&apos;s samples lose variety (recall %1, down from %2): kinds of real image it made before have no fake like them now. That is mode collapse. Try a lower learning rate for G, the hinge or wgan-gp loss, or go back to an earlier checkpoint.</source>
        <translation>G 的样本正在失去多样性（召回率从 %2 降到了 %1）：有些种类的真实图像，G 以前能生成与之相似的图像，现在却一张也没有了。这就是模式崩溃。可以试试降低 G 的学习率、改用 hinge 或 wgan-gp 损失，或者回到更早的检查点。</translation>
    </message>
</context>
<context>
    <name>DiscriminatorDock</name>
    <message>
        <location filename="../../app/windows/discriminatordock.cpp" line="+8"/>
        <source>D&apos;s view</source>
        <translation>D 的视角</translation>
    </message>
</context>
<context>
    <name>DiscriminatorPanel</name>
    <message>
        <location filename="../../app/panels/discriminatorpanel.cpp" line="-62"/>
        <source>Real, most real</source>
        <translation>真实图像：D 认为最真</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Real, most fake</source>
        <translation>真实图像：D 认为最假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fake, most real</source>
        <translation>生成图像：D 认为最真</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fake, most fake</source>
        <translation>生成图像：D 认为最假</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+67"/>
        <source>D&apos;s verdicts appear while a run trains.</source>
        <translation>训练进行时，这里会显示 D 的判断。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Epoch %1, step %L2: D&apos;s verdict on %3 real images and %4 fakes.</source>
        <translation>第 %1 轮，第 %L2 步：D 对 %3 张真实图像和 %4 张生成图像的判断。</translation>
    </message>
</context>
<context>
    <name>DivergenceNotice</name>
    <message>
        <location filename="../../app/support/divergencenotice.cpp" line="+12"/>
        <source>The %1 loss stopped being a number at step %2 (epoch %3).</source>
        <translation>在第 %2 步（第 %3 轮），%1 的损失不再是有效数值（NaN）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 loss became infinite at step %2 (epoch %3).</source>
        <translation>在第 %2 步（第 %3 轮），%1 的损失变成了无穷大。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 loss exploded to %2 at step %3 (epoch %4).</source>
        <translation>在第 %3 步（第 %4 轮），%1 的损失暴涨到 %2。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Training is paused. Rolling back restores the last healthy state and halves both learning rates; too high a learning rate is the usual cause.</source>
        <translation>训练已暂停。回退会恢复到最近一次正常的状态，并把两个学习率都减半；这种情况通常是学习率过高造成的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll back to epoch %1 with learning rates halved</source>
        <translation>回退到第 %1 轮，学习率减半</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again with learning rates halved</source>
        <translation>学习率减半，重新开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep paused</source>
        <translation>保持暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rolled back to epoch %1; the learning rates are now %2 (G) and %3 (D).</source>
        <translation>已回退到第 %1 轮；现在的学习率为 %2（G）和 %3（D）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training stopped. Lower the learning rates and start again.</source>
        <translation>训练已停止。请降低学习率后重新开始。</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../app/windows/filemenu.cpp" line="+12"/>
        <source>&amp;New run</source>
        <translation>新建训练(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open run…</source>
        <translation>打开训练(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a run directory</source>
        <translation>打开训练目录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;settings…</source>
        <translation>打开设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings &amp;as…</source>
        <translation>设置另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;GIF…</source>
        <translation>导出 GIF(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export plot as PNG/PD&amp;F…</source>
        <translation>将曲线图导出为 PNG/PDF(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export grid as &amp;PNG…</source>
        <translation>将样本网格导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Compare runs…</source>
        <translation>对比训练(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Datasets…</source>
        <translation>数据集(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2-D la&amp;b…</source>
        <translation>二维实验室(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent &amp;explorer…</source>
        <translation>潜空间浏览器(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lose window</source>
        <translation>关闭窗口(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>FrameScrubber</name>
    <message>
        <location filename="../../widgets/framescrubber.cpp" line="+10"/>
        <location line="+95"/>
        <source>Epoch %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Epoch – / –</source>
        <translation>第 – / – 轮</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play the run as an animation (Space)</source>
        <translation>把这次训练当作动画播放（Space）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause (Space)</source>
        <translation>暂停（Space）</translation>
    </message>
</context>
<context>
    <name>GifExportDialog</name>
    <message>
        <location filename="../../ui/gifexportdialog.ui" line="+6"/>
        <location filename="../../app/dialogs/gifexportdialog.cpp" line="+122"/>
        <source>Export GIF</source>
        <translation>导出 GIF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From epoch</source>
        <translation>起始轮次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First epoch in the GIF</source>
        <translation>GIF 中的第一轮</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To epoch</source>
        <translation>结束轮次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last epoch in the GIF</source>
        <translation>GIF 中的最后一轮</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scale</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enlargement, nearest neighbour</source>
        <translation>放大倍数（最近邻插值）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Loop forever</source>
        <translation>无限循环(&amp;L)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Epoch number on each frame</source>
        <translation>每帧标注轮次(&amp;E)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/dialogs/gifexportdialog.cpp" line="-65"/>
        <source>Frames in this run: %n</source>
        <translation>
            <numerusform>这次训练的帧数：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Frames in this run: %n · each %1 × %2 pixels</source>
        <translation>
            <numerusform>这次训练的帧数：%n · 每帧 %1 × %2 像素</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The last frame, epoch %1</source>
        <translation>最后一帧，第 %1 轮</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the last frame cannot be read)</source>
        <translation>（无法读取最后一帧）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no frames in the chosen epochs</source>
        <translation>所选轮次中没有帧</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Wrote %1 (frames: %n)</source>
        <translation>
            <numerusform>已写入 %1（%n 帧）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled: nothing written</source>
        <translation>已取消：没有写入任何内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show file</source>
        <translation>显示文件</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../app/windows/helpbrowser.cpp" line="+53"/>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What is a GAN?</source>
        <translation>什么是 GAN(&amp;W)？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>GANvas user guide</source>
        <translation>GANvas 用户指南</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What is a GAN?</source>
        <translation>什么是 GAN？</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../app/windows/helpmenu.cpp" line="+12"/>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;What is a GAN?</source>
        <translation>什么是 GAN(&amp;W)？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About GANvas</source>
        <translation>关于 GANvas(&amp;A)</translation>
    </message>
</context>
<context>
    <name>HelpSection</name>
    <message>
        <location filename="../../app/windows/comparisonwindow.cpp" line="-377"/>
        <source>Comparing runs</source>
        <translation>对比训练</translation>
    </message>
    <message>
        <location filename="../../app/windows/helpmenu.cpp" line="-2"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../app/windows/latentexplorerwindow.cpp" line="+136"/>
        <source>The latent explorer</source>
        <translation>潜空间浏览器</translation>
    </message>
    <message>
        <location filename="../../app/windows/stepthroughwindow.cpp" line="+172"/>
        <source>One step, phase by phase</source>
        <translation>逐阶段演示一个训练步</translation>
    </message>
    <message>
        <location filename="../../app/windows/toylabwindow.cpp" line="+64"/>
        <source>The 2-D lab</source>
        <translation>二维实验室</translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <location filename="../../app/panels/hyperparameterpanel.cpp" line="-12"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message numerus="yes">
        <location line="+117"/>
        <source>Show &amp;advanced settings (%n changed)</source>
        <translation>
            <numerusform>显示高级设置(&amp;A)（已更改 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/panels/hyperparameterpresets.cpp" line="+87"/>
        <source>Show &amp;advanced settings</source>
        <translation>显示高级设置(&amp;A)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>cuda (no CUDA device found)</source>
        <translation>cuda（未找到 CUDA 设备）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cuda (the first GPU)</source>
        <translation>cuda（第一块 GPU）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cuda:%1 — %2</source>
        <translation>cuda:%1 — %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+34"/>
        <source>Not accepted: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Used only with these losses: %1.</source>
        <translation>只在使用以下损失时起作用：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used only for a folder of pictures, not for %1.</source>
        <translation>只用于图片文件夹，不用于 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used only with exponential LR decay.</source>
        <translation>只在使用指数学习率衰减时起作用。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Locked by the lesson.</source>
        <translation>已被课程锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked while training.</source>
        <translation>训练期间不能更改。</translation>
    </message>
    <message>
        <location filename="../../app/panels/hyperparameterpresets.cpp" line="-64"/>
        <source>Fully connected, tuned (default)</source>
        <translation>全连接，已调优（默认）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convolutional (DCGAN)</source>
        <translation>卷积（DCGAN）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Least squares (LSGAN)</source>
        <translation>最小二乘（LSGAN）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hinge loss</source>
        <translation>铰链损失（hinge）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wasserstein with gradient penalty (WGAN-GP)</source>
        <translation>Wasserstein 距离加梯度惩罚（WGAN-GP）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tutorial&apos;s settings</source>
        <translation>教程的原始设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The tutorial&apos;s fully connected pair with Adam 2e-4, beta1 0.5, batch 64 and label smoothing: garments show after an epoch or two.</source>
        <translation>教程中的全连接生成器和判别器，配合 Adam 2e-4、beta1 0.5、批大小 64 和标签平滑：一两轮后就能看出衣物的样子。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A convolutional pair: sharper images, about seven times slower per epoch on a CPU.</source>
        <translation>卷积的生成器和判别器：图像更清晰，但在 CPU 上每轮耗时约为全连接的七倍。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The fully connected pair with a least-squares loss, whose gradients do not vanish when D is sure.</source>
        <translation>全连接的生成器和判别器，使用最小二乘损失：即使 D 很有把握，梯度也不会消失。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The fully connected pair with the hinge loss: D is pushed to a margin, not to certainty.</source>
        <translation>全连接的生成器和判别器，使用铰链损失：D 只需把真假拉开一定的间隔（margin），不必追求十足的把握。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A critic instead of a classifier: five critic steps per generator step and a gradient penalty; slower, steadier.</source>
        <translation>用评分器（critic）代替分类器：生成器每训练 1 步，评分器训练 5 步，并加上梯度惩罚；较慢，但更稳定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exactly the tutorial GANvas grew from (Adam 1e-4, beta1 0.9, batch 128): it learns slowly.</source>
        <translation>与 GANvas 最初所依据的教程完全相同（Adam 1e-4、beta1 0.9、批大小 128）：学得很慢。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Custom settings</source>
        <translation>自定义设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A tested recipe of model, loss and optimiser settings; editing a field makes the settings custom.</source>
        <translation>一套经过检验的模型、损失和优化器设置；修改任何一项后，就成为自定义设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also show the settings most runs leave as they are: image size for folders, Adam&apos;s beta2, decay, extra tricks, seed, device, threads, checkpoints, logging and the score&apos;s details.</source>
        <translation>同时显示大多数训练都不改动的设置：图片文件夹的图像尺寸、Adam 的 beta2、学习率衰减、额外技巧、随机种子、设备、线程、检查点、日志以及质量分数的细节。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Your own settings: choose a preset to start again from a tested recipe.</source>
        <translation>这是你自己的设置：选择一个预设，即可重新从一套经过检验的设置开始。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../app/windows/languagemenu.cpp" line="+16"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The language changes when GANvas starts again.</source>
        <translation>重新启动 GANvas 后，界面语言才会更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
</context>
<context>
    <name>LatentExplorerWindow</name>
    <message>
        <location filename="../../app/windows/latentexplorerwindow.cpp" line="-94"/>
        <source>GANvas — latent explorer</source>
        <translation>GANvas — 潜空间浏览器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a checkpoint to explore its generator.</source>
        <translation>打开一个检查点，就可以探索它的生成器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick two samples</source>
        <translation>选两个样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a sample for A, right-click (or Shift+click) one for B.</source>
        <translation>单击一个样本选作 A，右键单击（或 Shift+单击）另一个样本选作 B。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New samples</source>
        <translation>换一批样本(&amp;N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A, moved along the directions</source>
        <translation>沿各个方向移动后的 A</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Walk from A to B</source>
        <translation>从 A 走到 B</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spherical (keeps z&apos;s length)</source>
        <translation>球面（保持 z 的长度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear (straight through)</source>
        <translation>线性（走直线）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random z lie near a sphere; a straight line between two passes closer to the middle, where images are often greyer</source>
        <translation>随机的 z 大多分布在一个球面附近；两点之间的直线会更靠近球心，那里的图像往往偏灰</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Path</source>
        <translation>路径(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Frames</source>
        <translation>帧数(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Walk A → B</source>
        <translation>从 A 走到 B(&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Principal: where images change most</source>
        <translation>主方向：图像变化最大的方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random</source>
        <translation>随机方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K&amp;ind</source>
        <translation>类型(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move A along this direction (±3)</source>
        <translation>让 A 沿这个方向移动（±3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction %1</source>
        <translation>方向 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset sliders</source>
        <translation>滑块归零(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Random w&amp;alk</source>
        <translation>随机游走(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let z wander at random from A; the frames become the walk to export</source>
        <translation>让 z 从 A 出发随机游走；途中的各帧就构成要导出的游走路径</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The walk</source>
        <translation>游走路径</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as &amp;GIF…</source>
        <translation>导出为 GIF(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as PNG &amp;strip…</source>
        <translation>导出为 PNG 长条图(&amp;S)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Explorer</source>
        <translation>浏览器(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open checkpoint…</source>
        <translation>打开检查点(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints (*.ckpt)</source>
        <translation>检查点 (*.ckpt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export the walk as a GIF</source>
        <translation>将游走路径导出为 GIF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the walk as a PNG strip</source>
        <translation>将游走路径导出为 PNG 长条图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot explore %1: %2</source>
        <translation>无法浏览 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The generator of %1 after %n epoch(s); z has %2 numbers; grey images.</source>
        <translation>
            <numerusform>%1 中训练了 %n 轮的生成器；z 由 %2 个数组成；生成灰度图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The generator of %1 after %n epoch(s); z has %2 numbers; colour images.</source>
        <translation>
            <numerusform>%1 中训练了 %n 轮的生成器；z 由 %2 个数组成；生成彩色图像。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random walk from A</source>
        <translation>从 A 出发的随机游走</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+15"/>
        <source>there is no walk to export yet</source>
        <translation>还没有可导出的游走路径</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Wrote %1 (%2 frames)</source>
        <translation>已写入 %1（%2 帧）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the GIF %1: %2</source>
        <translation>无法写入 GIF 文件 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrote %1 (%2 frames side by side)</source>
        <translation>已写入 %1（%2 帧并排）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write the PNG %1: %2</source>
        <translation>无法写入 PNG 文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../app/panels/lesson.cpp" line="+28"/>
        <location line="+4"/>
        <source>&quot;%1&quot; must be a list of texts</source>
        <translation>&quot;%1&quot; 必须是由文本组成的列表</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not valid JSON at character %1: %2</source>
        <translation>不是有效的 JSON（第 %1 个字符处）：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a lesson is a JSON object</source>
        <translation>课程必须是一个 JSON 对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;title&quot; is missing</source>
        <translation>缺少 &quot;title&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;opens&quot; must be main, step-through, lab or compare (got &quot;%1&quot;)</source>
        <translation>&quot;opens&quot; 必须是 main、step-through、lab 或 compare（实际为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;settings&quot; must be an object of settings</source>
        <translation>&quot;settings&quot; 必须是由设置项组成的对象</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a settings field</source>
        <translation>&quot;%1&quot; 不是设置项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a comparison lesson needs at least two datasets in &quot;compare&quot;</source>
        <translation>对比类课程需要在 &quot;compare&quot; 中列出至少两个数据集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;steps&quot; is missing: a lesson needs at least one text</source>
        <translation>缺少 &quot;steps&quot;：课程至少需要一段文本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; has %2 texts, &quot;steps&quot; %3: each step needs its translation</source>
        <translation>“%1”有 %2 段文字，而“steps”有 %3 段：每一步都需要对应的译文</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot be written: %1</source>
        <translation>无法写入：%1</translation>
    </message>
</context>
<context>
    <name>LessonBar</name>
    <message>
        <location filename="../../app/panels/lessonbar.cpp" line="+28"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Lesson: %1 — step %2 of %3</source>
        <translation>课程：%1 — 第 %2 步，共 %3 步</translation>
    </message>
</context>
<context>
    <name>LessonsMenu</name>
    <message>
        <location filename="../../app/windows/lessonsmenu.cpp" line="+34"/>
        <source>(the lessons could not be read: %1)</source>
        <translation>（无法读取课程：%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as lesson…</source>
        <translation>另存为课程(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End lesson</source>
        <translation>结束课程(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop the run first: a lesson starts from settings of its own.</source>
        <translation>请先停止训练：课程会用它自己的设置重新开始。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Open a lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+81"/>
        <source>Lessons (*.json)</source>
        <translation>课程 (*.json)</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Cannot open the lesson: %1</source>
        <translation>无法打开课程：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save as lesson</source>
        <translation>另存为课程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One step per paragraph: what to do, and what to look for.</source>
        <translation>每段是一步：写明要做什么，以及要观察什么。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xts</source>
        <translation>文本(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings the class should not see, or see but not change:</source>
        <translation>不让学生看到的设置，或者只让学生看、不让学生改的设置：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>A lesson needs a title and at least one text; nothing was saved.</source>
        <translation>课程需要一个标题和至少一段文本；没有保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lesson saved to %1</source>
        <translation>课程已保存到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot save the lesson: %1</source>
        <translation>无法保存课程：%1</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../widgets/lossplot.cpp" line="+38"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show all data and follow new data again</source>
        <translation>显示全部数据，并重新跟随新数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (raw)</source>
        <translation>%1（原始值）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>FD score</source>
        <translation>FD 分数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FD score (lower is better)</source>
        <translation>FD 分数（越低越好）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>D says “real” (0–1)</source>
        <translation>D 判为“真”的概率（0–1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&apos;s mean output</source>
        <translation>D 的平均输出</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>step %1: D loss %2, G loss %3, D(x) %4, D(G(z)) %5</source>
        <translation>第 %1 步：D 损失 %2，G 损失 %3，D(x) %4，D(G(z)) %5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> · after epoch %1: FD %2, KID %3, precision %4, recall %5</source>
        <translation> · 第 %1 轮后：FD %2，KID %3，精确率 %4，召回率 %5</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/windows/mainwindow.cpp" line="+60"/>
        <location line="+213"/>
        <source>GANvas</source>
        <translation>GANvas</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Settings (*.json)</source>
        <translation>设置 (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save settings as</source>
        <translation>设置另存为</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings panel</source>
        <translation>设置面板(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Checkpoints panel</source>
        <translation>检查点面板(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;D&apos;s view</source>
        <translation>D 的视角(&amp;D)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot preview the data: %1</source>
        <translation>无法预览数据：%1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>GANvas — %1</source>
        <translation>GANvas — %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot continue from the checkpoint: %1</source>
        <translation>无法从检查点继续训练：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New samples from %1</source>
        <translation>已用 %1 生成新样本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot draw new samples: %1</source>
        <translation>无法生成新样本：%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Checkpoint %1</source>
        <translation>已保存检查点 %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Stop training?</source>
        <translation>停止训练？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training is running. Stop it and save a checkpoint?</source>
        <translation>训练正在进行。要停止训练并保存检查点吗？</translation>
    </message>
    <message>
        <location filename="../../app/windows/mainwindowstart.cpp" line="+67"/>
        <source>Cannot continue the run: %1</source>
        <translation>无法继续这次训练：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Continue this run</source>
        <translation>继续这次训练(&amp;C)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Continue this run from epoch %1 to epoch %2, or start a new run with the current settings?</source>
        <translation>要把这次训练从第 %1 轮继续到第 %2 轮，还是按当前的设置开始新的训练？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These settings differ from the run&apos;s, which cannot change once it has started: %1. Start a new run with the current settings?</source>
        <translation>以下设置与这次训练的不同，而它们在训练开始后就不能再改：%1。要按当前的设置开始新的训练吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This run has finished (epochs trained: %n). Start a new run with the current settings? (To train it longer, raise Epochs first.)</source>
        <translation>
            <numerusform>这次训练已经完成（已训练 %n 轮）。要按当前的设置开始新的训练吗？（如果想接着训练更多轮，请先调大“轮数”。）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a &amp;new run</source>
        <translation>开始新的训练(&amp;N)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stop the run before opening other settings.</source>
        <translation>请先停止训练，再打开其他设置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings from %1</source>
        <translation>已载入 %1 中的设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the settings: %1</source>
        <translation>无法读取设置：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings saved to %1</source>
        <translation>设置已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../app/windows/mainwindowwindows.cpp" line="+57"/>
        <source>Saving a checkpoint of the generator as it is now…</source>
        <translation>正在把生成器的当前状态保存为检查点…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This run has no checkpoint yet: train an epoch first, or open a checkpoint here (Explorer → Open checkpoint…, Ctrl+O).</source>
        <translation>这次训练还没有检查点：请先训练一轮，或者在这里打开一个检查点（浏览器 → 打开检查点…，Ctrl+O）。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../app/support/messagebar.cpp" line="+22"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../../app/main.cpp" line="+41"/>
        <source>Start training at once with the settings shown.</source>
        <translation>立即按显示的设置开始训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset name or folder (with --compare: one run each, repeatable).</source>
        <translation>数据集名称或文件夹（与 --compare 同用时每个数据集一个训练，可重复）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the comparison window: RUN_DIRs are added from disk, each --dataset adds a new run (--start starts them all).</source>
        <translation>打开对比窗口：从磁盘加入各个 RUN_DIR，每个 --dataset 新建一个训练（--start 让它们全部开始）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --compare: write the comparison of the RUN_DIRs as a GIF (one frame per epoch) and quit.</source>
        <translation>与 --compare 同用：把各个 RUN_DIR 的对比写成 GIF（每轮一帧），然后退出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --compare: write the comparison of the RUN_DIRs as a PNG and quit.</source>
        <translation>与 --compare 同用：把各个 RUN_DIR 的对比写成 PNG，然后退出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the dataset manager.</source>
        <translation>打开数据集管理器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the 2-D lab: a small GAN learning points in the plane (with --start it trains at once).</source>
        <translation>打开二维实验室：一个学习平面上点分布的小型 GAN（加 --start 则立即开始训练）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the step-through of one training step: of a checkpoint given as the argument, else of the settings of --preset, --config, --dataset, --limit.</source>
        <translation>打开一个训练步的逐步演示：使用作为参数给出的检查点；没有给出时，使用 --preset、--config、--dataset、--limit 的设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the latent explorer on the generator of this checkpoint (or the newest checkpoint of this run directory).</source>
        <translation>用这个检查点（或这个训练目录中最新的检查点）的生成器打开潜空间浏览器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a lesson: a shipped one by name (what-d-and-g-do, d-too-strong, mode-collapse, tricks-that-help, grey-against-colour) or a lesson file.</source>
        <translation>开始一门课程：按名称选择自带的课程（what-d-and-g-do、d-too-strong、mode-collapse、tricks-that-help、grey-against-colour），或给出课程文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --lab: the points to learn: ring, grid, moons, spiral or drawn.</source>
        <translation>与 --lab 同用：要学习的点分布：ring、grid、moons、spiral 或 drawn。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the FD score per epoch of the RUN_DIRs (their quality.csv) as one chart to this PNG and quit.</source>
        <translation>把各个 RUN_DIR 每轮的 FD 分数（取自它们的 quality.csv）画成一张图，写入这个 PNG，然后退出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --datasets: show real samples of this dataset.</source>
        <translation>与 --datasets 同用：显示这个数据集的真实样本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings from a JSON config file (as config.json holds).</source>
        <translation>从 JSON 配置文件读取设置（格式与 config.json 相同）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from a named recipe of settings (mlp, dcgan, lsgan, hinge, wgan-gp, seed); --config&apos;s fields go over it.</source>
        <translation>以一个命名的设置预设为起点（mlp、dcgan、lsgan、hinge、wgan-gp、seed）；--config 中的字段覆盖它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs to train.</source>
        <translation>训练的轮数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first K images.</source>
        <translation>只使用前 K 张图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the given epoch (default 1), save a picture of the window to FILE, stop the run and quit (for demos, docs and the smoke test).</source>
        <translation>在指定的轮次（默认第 1 轮）结束后，把窗口截图保存到 FILE，停止训练并退出（用于演示、文档和冒烟测试）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epoch after which --screenshot is taken.</source>
        <translation>在第几轮结束后执行 --screenshot。</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>GANvas: train generative adversarial networks and watch them learn.</source>
        <translation>GANvas：训练生成对抗网络，看着它们学习。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A run directory to open (written by ganvas or ganvas-cli).</source>
        <translation>要打开的训练目录（由 ganvas 或 ganvas-cli 写入）。</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../widgets/playbackbar.cpp" line="+66"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <location filename="../../app/windows/presentermode.cpp" line="+33"/>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full screen for a class: the grid large, big numbers, few controls</source>
        <translation>面向课堂的全屏显示：样本网格大、数字大、控件少</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FD (lower is better)</source>
        <translation>FD（越低越好）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FD of epoch %1 (lower is better)</source>
        <translation>第 %1 轮的 FD（越低越好）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../../widgets/presenterview.cpp" line="+37"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave presenter (Esc)</source>
        <translation>退出演示（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the training, pause it, or go on</source>
        <translation>开始训练、暂停训练，或继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one batch and show the grid after it</source>
        <translation>训练一个批次，然后显示训练后的样本网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the settings beside the grid</source>
        <translation>显示或隐藏样本网格旁边的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the normal window (Esc or F11)</source>
        <translation>回到普通窗口（Esc 或 F11）</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The generator&apos;s samples appear here after the first epoch (or press Step)</source>
        <translation>第一轮训练结束后，生成器的样本会显示在这里（也可以按“单步”）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/windows/comparisonexport.cpp" line="+20"/>
        <source>No epoch has a frame yet.</source>
        <translation>还没有哪一轮有可用的帧。</translation>
    </message>
</context>
<context>
    <name>RunExports</name>
    <message>
        <location filename="../../app/windows/runexports.cpp" line="+19"/>
        <source>No run yet: start or open one to export its frames.</source>
        <translation>还没有训练：请先开始或打开一个训练，才能导出它的帧。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export plot</source>
        <translation>导出曲线图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;PDF (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No grid to export yet: train an epoch or open a run first.</source>
        <translation>还没有可导出的样本网格：请先训练一轮，或打开一个训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export grid</source>
        <translation>导出样本网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>RunManager</name>
    <message numerus="yes">
        <location filename="../../app/runs/runmanager.cpp" line="+84"/>
        <source>CPU cores: %n; no run is training.</source>
        <translation>
            <numerusform>CPU 核心：%n 个；没有正在进行的训练。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CPU cores: %1, shared fairly · runs training: %2 · threads per run: %3</source>
        <translation>CPU 核心：%1 个，平均分配 · 正在进行的训练：%2 个 · 每个训练的线程数：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>RunSetupDialog</name>
    <message>
        <location filename="../../ui/runsetupdialog.ui" line="+9"/>
        <source>Add a run</source>
        <translation>添加训练</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>named after what sets it apart from the others</source>
        <translation>用它与其他训练的不同之处来命名</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/runsetupdialog.cpp" line="+16"/>
        <source>Add and start</source>
        <translation>添加并开始</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <location filename="../../app/panels/runtablemodel.cpp" line="+54"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from disk</source>
        <translation>从磁盘载入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <location filename="../../app/panels/runview.cpp" line="+32"/>
        <source>What the scores mean</source>
        <translation>这些分数的含义</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>rollback</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Epoch %1: %2 &amp;nbsp;&lt;a href=&quot;#explain&quot;&gt;What is this?&lt;/a&gt;</source>
        <translation>第 %1 轮：%2 &amp;nbsp;&lt;a href=&quot;#explain&quot;&gt;这是什么？&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured with %1</source>
        <translation>用 %1 测得</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preparing the quality score…</source>
        <translation>正在准备质量分数…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparing the quality score: training a classifier on the dataset, pass %1 of %2 (only the first time)</source>
        <translation>正在准备质量分数：在数据集上训练一个分类器，第 %1/%2 遍（只有第一次需要）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The quality score&apos;s classifier is ready (test accuracy %1 %); the first score comes after this epoch.</source>
        <translation>质量分数所用的分类器已就绪（测试准确率 %1%）；本轮结束后会给出第一个分数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No quality score for this run: %1</source>
        <translation>这次训练没有质量分数：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rollback to epoch %1</source>
        <translation>回退到第 %1 轮</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Real samples · %1 images · %2×%3 %4</source>
        <translation>真实样本 · %1 张图像 · %2×%3 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
</context>
<context>
    <name>SampleGridView</name>
    <message>
        <location filename="../../widgets/samplegridview.cpp" line="+22"/>
        <source>Epoch %1, after step %2</source>
        <translation>第 %1 轮，第 %2 步之后</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Samples appear after the first epoch</source>
        <translation>第一轮结束后会显示样本</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../app/windows/scorechart.cpp" line="+17"/>
        <source>%1: no quality.csv with scores</source>
        <translation>%1：没有带分数的 quality.csv</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: cannot write the chart</source>
        <translation>%1：无法写入图表</translation>
    </message>
    <message>
        <location filename="../../widgets/scorechartimage.cpp" line="+39"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FD score (log scale, lower is better)</source>
        <translation>FD 分数（对数坐标，越低越好）</translation>
    </message>
</context>
<context>
    <name>ScoreHistogram</name>
    <message>
        <location filename="../../widgets/scorehistogram.cpp" line="+63"/>
        <source>D&apos;s verdicts appear at phase 3</source>
        <translation>D 的判断会在阶段 3 显示</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>0: says fake</source>
        <translation>0：判为假</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1: says real</source>
        <translation>1：判为真</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>zoomed in: D cannot tell yet</source>
        <translation>已放大：D 还分辨不出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>green: real images   purple: fakes</source>
        <translation>绿色：真实图像   紫色：生成图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>   dashed: after the update</source>
        <translation>   虚线：更新之后</translation>
    </message>
</context>
<context>
    <name>ScoreTexts</name>
    <message>
        <location filename="../../widgets/scoretexts.cpp" line="+5"/>
        <source>FD (Fréchet distance): how far the samples are from real images, in the features of a network that knows the dataset; lower is better.</source>
        <translation>FD（弗雷歇距离）：在一个熟悉该数据集的网络所提取的特征上，衡量样本与真实图像相差多远；越低越好。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KID (kernel distance): the same question answered another way, steadier with few samples; lower is better.</source>
        <translation>KID（核距离）：用另一种方法回答同一个问题，样本较少时结果更稳定；越低越好。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Precision: the share of samples that look like some real image; higher is better.</source>
        <translation>精确率：看起来像某张真实图像的样本所占的比例；越高越好。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recall: the share of the real images&apos; variety the samples cover; low recall means mode collapse.</source>
        <translation>召回率：样本覆盖了真实图像多样性的多大比例；召回率低说明出现了模式崩溃。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FD %1 · KID %2 · precision %3 · recall %4</source>
        <translation>FD %1 · KID %2 · 精确率 %3 · 召回率 %4</translation>
    </message>
</context>
<context>
    <name>StepThroughWindow</name>
    <message>
        <location filename="../../app/windows/stepthroughwindow.cpp" line="-124"/>
        <source>A batch of real images</source>
        <translation>一批真实图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Noise z and the fakes G makes</source>
        <translation>噪声 z 与 G 生成的图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&apos;s verdict</source>
        <translation>D 的判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&apos;s update</source>
        <translation>更新 D</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>G&apos;s update</source>
        <translation>更新 G</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training never looks at the whole dataset at once: each step takes a batch, here real images picked at random. The first eight are shown. From them D learns what real looks like.</source>
        <translation>训练从不一次看完整个数据集：每一步只取一个批次，这里是随机抽取的一批真实图像，下面显示其中的前八张。D 从这些图像中学习真实图像是什么样子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For every image of the batch G gets a vector of random numbers, the noise z, and turns it into an image. G has never seen a real image: everything it knows comes from D&apos;s verdicts. These fakes are what D compares with the real batch.</source>
        <translation>批次中有多少张图像，G 就拿到多少个由随机数组成的向量，也就是噪声 z，并把每个向量变成一张图像。G 从没见过真实图像：它知道的一切都来自 D 的判断。D 要拿这些生成图像和这批真实图像作比较。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D scores every image, real and fake: with the bce loss, near 1 means &quot;real&quot; and near 0 &quot;fake&quot;. Under each image is its score; the histograms show the whole batch, real in green and fakes in purple. D&apos;s loss is low when the green scores are high and the purple ones low.</source>
        <translation>D 给每张图像打分，真实图像和生成图像都要打：使用 bce 损失时，分数接近 1 表示“真”，接近 0 表示“假”。每张图像下方是它的分数；直方图显示整个批次的分数，真实图像为绿色，生成图像为紫色。绿色的分数越高、紫色的分数越低，D 的损失就越小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&apos;s weights take one small step downhill on its loss. The same images, scored again, move apart: real ones up, fakes down (dashed in the histogram), and D&apos;s loss falls. G has not changed yet.</source>
        <translation>D 的权重沿着让损失下降的方向迈出一小步。同样的图像重新打分后，分数彼此拉开：真实图像的分数升高，生成图像的分数降低（直方图中的虚线），D 的损失随之下降。这时 G 还没有任何变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now G&apos;s weights take one step so that D would call its fakes real. The same noise z makes new images, and D, unchanged this time, scores them higher. That was one training step; a run repeats it thousands of times.</source>
        <translation>现在轮到 G 的权重迈出一步，目标是让 D 把它生成的图像判为真。同样的噪声 z 生成了新的图像；这一次 D 保持不变，给这些新图像打出了更高的分数。以上就是一个训练步；一次训练要把它重复成千上万次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GANvas — one training step, phase by phase</source>
        <translation>GANvas — 一个训练步的各个阶段</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Real images, with D&apos;s verdict</source>
        <translation>真实图像及 D 的判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fakes G(z), with D&apos;s verdict</source>
        <translation>生成图像 G(z) 及 D 的判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After G&apos;s update: new fakes from the same z</source>
        <translation>更新 G 之后：由同样的 z 生成的新图像</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>← &amp;Back</source>
        <translation>← 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>&amp;Next →</source>
        <translation>下一步(&amp;N) →</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+85"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>The previous phase (Left arrow); nothing is trained again</source>
        <translation>回到上一阶段（左方向键）；不会重新训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next phase (Right arrow); after the last, a new batch</source>
        <translation>进入下一阶段（右方向键）；最后一个阶段之后换一个新批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk through the phases by itself, batch after batch</source>
        <translation>自动逐个阶段播放，一个批次接一个批次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slow motion on the left, faster on the right</source>
        <translation>越往左越慢，越往右越快</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update D and G</source>
        <translation>更新 D 和 G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update only D</source>
        <translation>只更新 D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update only G</source>
        <translation>只更新 G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which network this batch trains; the other stays exactly as it is</source>
        <translation>这一批次训练哪个网络；另一个网络完全保持原样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;w batch</source>
        <translation>新批次(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again at phase 1 with another batch (the networks keep what they learnt)</source>
        <translation>换一个批次，从阶段 1 重新开始（网络保留已经学到的东西）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Step</source>
        <translation>逐步演示(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The step-through could not start: %1</source>
        <translation>逐步演示无法开始：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fresh networks with the settings of the main window (%1 on %2, batch %3).</source>
        <translation>按主窗口的设置新建的网络（模型 %1，数据集 %2，批大小 %3）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>G and D as checkpoint %1 holds them.</source>
        <translation>检查点 %1 中保存的 G 和 D。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Next batch →</source>
        <translation>下一批次(&amp;N) →</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading the data and building G and D…</source>
        <translation>正在加载数据并构建 G 和 D…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing open</source>
        <translation>尚未打开任何内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phase %1 of %2: %3</source>
        <translation>阶段 %1/%2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>

This batch updates only D: G stays as it is.</source>
        <translation>

这一批次只更新 D：G 保持不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>

This batch updates only G: D stays as it is.</source>
        <translation>

这一批次只更新 G：D 保持不变。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Batch of %1 images, %2 shown</source>
        <translation>批次共 %1 张图像，显示 %2 张</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D loss %1 → %2 after D&apos;s update</source>
        <translation>D 的损失 %1 → %2（更新 D 后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D loss %1</source>
        <translation>D 的损失 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>G loss %1 → %2 after G&apos;s update</source>
        <translation>G 的损失 %1 → %2（更新 G 后）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batches trained here: %1</source>
        <translation>本窗口中已训练的批次：%1</translation>
    </message>
</context>
<context>
    <name>ToyLabStepThrough</name>
    <message>
        <location filename="../../app/windows/toylabstepthrough.cpp" line="+13"/>
        <source>The real points</source>
        <translation>真实点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>G&apos;s fakes</source>
        <translation>G 生成的点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&apos;s verdict</source>
        <translation>D 的判断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&apos;s update</source>
        <translation>更新 D</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>G&apos;s update</source>
        <translation>更新 G</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Green: points of the shape G should learn. A step takes a batch of 256 of them.</source>
        <translation>绿色：G 要学会的那个形状上的点。每一步从中取一批，共 256 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple: what G makes of random noise. G never sees a green point: it learns only from D.</source>
        <translation>紫色：G 由随机噪声生成的点。G 从来看不到绿色的点：它只能从 D 那里学习。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The background is D&apos;s verdict on every spot of the plane: green where it would say &quot;real&quot;, purple where &quot;fake&quot;.</source>
        <translation>背景是 D 对平面上每一处的判断：它会判为“真”的地方是绿色，判为“假”的地方是紫色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D takes one step: its verdict moves towards green around the real points and purple around the fakes. G has not changed.</source>
        <translation>D 更新一步：真实点周围的判断向绿色变化，生成点周围的判断向紫色变化。G 还没有变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>G takes one step: every fake moves along its arrow, towards where D says &quot;real&quot;. Next starts the next batch.</source>
        <translation>G 更新一步：每个生成点沿着自己的箭头，向 D 判为“真”的地方移动。按“下一批次”开始下一个批次。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step through</source>
        <translation>逐步演示</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>← Back</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous phase; nothing is trained again</source>
        <translation>回到上一阶段；不会重新训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next phase; D&apos;s and G&apos;s updates happen at phases 4 and 5</source>
        <translation>进入下一阶段；D 和 G 分别在阶段 4 和阶段 5 更新</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Phase %1 of 5: %2</source>
        <translation>阶段 %1/5：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next batch →</source>
        <translation>下一批次 →</translation>
    </message>
</context>
<context>
    <name>ToyLabWindow</name>
    <message>
        <location filename="../../app/windows/toylabwindow.cpp" line="-24"/>
        <source>GANvas — 2-D lab</source>
        <translation>GANvas — 二维实验室</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A ring of 8 Gaussians</source>
        <translation>8 个高斯分布围成的环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A 5 × 5 grid of Gaussians</source>
        <translation>5 × 5 个高斯分布组成的网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>两个月牙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A spiral</source>
        <translation>螺旋线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own drawing</source>
        <translation>自己画的形状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The real points G learns to imitate. Another shape starts over.</source>
        <translation>G 要学着模仿的真实点。换一个形状会从头开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold the left mouse button and draw on the plane, then press Done drawing or Start.</source>
        <translation>按住鼠标左键在平面上画，然后按“完成绘制”或“开始”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+282"/>
        <source>&amp;Draw</source>
        <translation>绘制(&amp;D)</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>C&amp;lear drawing</source>
        <translation>清除绘图(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non-saturating (bce)</source>
        <translation>非饱和（bce）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least squares (lsgan)</source>
        <translation>最小二乘（lsgan）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hinge</source>
        <translation>铰链（hinge）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wasserstein (wgan-gp)</source>
        <translation>Wasserstein（wgan-gp）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What D and G are trained to minimise. Another loss starts over.</source>
        <translation>D 和 G 在训练中要最小化的目标。换一种损失会从头开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;oss</source>
        <translation>损失(&amp;O)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How far each step moves the weights; applies from the next step.</source>
        <translation>每一步让权重移动多远；从下一步起生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate &amp;G</source>
        <translation>G 的学习率(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate D</source>
        <translation>D 的学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+246"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train D only</source>
        <translation>只训练 D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train G only</source>
        <translation>只训练 G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start over</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step thro&amp;ugh</source>
        <translation>逐步演示(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One step in five phases, each shown and explained</source>
        <translation>把一个训练步分成五个阶段，逐一展示并讲解</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Real points (green)</source>
        <translation>真实点（绿色）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A sample of the shape G should imitate</source>
        <translation>从 G 要模仿的形状上取的一组样本点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fake points (purple)</source>
        <translation>生成点（紫色）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What G makes from 512 fixed noise vectors</source>
        <translation>G 由 512 个固定噪声向量生成的点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&apos;s verdict (background)</source>
        <translation>D 的判断（背景）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green where D says &quot;real&quot;, purple where it says &quot;fake&quot;, white where it cannot tell</source>
        <translation>D 判为“真”的地方是绿色，判为“假”的地方是紫色，分辨不出的地方是白色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where G moves the fakes (arrows)</source>
        <translation>G 推动生成点的方向（箭头）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The direction G&apos;s next update pushes each of 96 fakes: towards what D calls real</source>
        <translation>G 的下一次更新把 96 个生成点各自推向哪个方向：朝着 D 判为真的地方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&apos;s manifold (orange grid)</source>
        <translation>G 的流形（橙色网格）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where G sends a regular grid of noise: how G folds the plane of z onto the data</source>
        <translation>G 把一张规则的噪声网格映射到哪里：由此可见 G 怎样把 z 所在的平面折叠到数据上</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A mode is covered when enough fakes lie within three standard deviations of its centre. Fewer than all: mode collapse.</source>
        <translation>当足够多的生成点落在某个模态中心的三个标准差以内时，这个模态就算被覆盖了。没有覆盖全部模态，就说明出现了模式崩溃。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lab</source>
        <translation>实验室(&amp;L)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train until paused</source>
        <translation>持续训练，直到暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop training, keep everything</source>
        <translation>停下训练，其余一切保持原样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train one batch: D&apos;s step, then G&apos;s</source>
        <translation>训练一个批次：先更新 D，再更新 G</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train &amp;D only</source>
        <translation>只训练 D(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One step of D alone: G stays as it is</source>
        <translation>只让 D 训练一步：G 保持不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train &amp;G only</source>
        <translation>只训练 G(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One step of G alone: D stays as it is</source>
        <translation>只让 G 训练一步：D 保持不变</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;over</source>
        <translation>从头开始(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New G and D with the settings shown</source>
        <translation>按当前显示的设置新建 G 和 D</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close window</source>
        <translation>关闭窗口(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+75"/>
        <source>Draw some points first</source>
        <translation>请先画一些点</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>%1 of %2 modes covered</source>
        <translation>已覆盖 %2 个模态中的 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Step %L1</source>
        <translation>第 %L1 步</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>D(x) %1   D(G(z)) %2</source>
        <translation>D(x) %1   D(G(z)) %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&apos;s score: real %1, fake %2</source>
        <translation>D 的分数：真实 %1，生成 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 0: nothing trained yet. Press Start, or Step for one batch.</source>
        <translation>第 0 步：还没有训练。按“开始”持续训练，或按“单步”训练一个批次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D loss %1   G loss %2</source>
        <translation>D 损失 %1   G 损失 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%L1 steps a second, %L2 pictures a second</source>
        <translation>每秒 %L1 步，画面每秒刷新 %L2 次</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Done drawing</source>
        <translation>完成绘制(&amp;D)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 point drawn</source>
        <translation>已画 1 个点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 points drawn</source>
        <translation>已画 %L1 个点</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <location filename="../../app/windows/trainingactions.cpp" line="+14"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;checkpoint</source>
        <translation>保存检查点(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;view data</source>
        <translation>预览数据(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step t&amp;hrough one batch…</source>
        <translation>逐步演示一个批次(&amp;H)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train the settings on the left (or continue the run shown)</source>
        <translation>按左侧的设置开始训练（或继续当前显示的训练）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the training, or go on</source>
        <translation>暂停训练，或继续训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one batch and show the grid after it</source>
        <translation>训练一个批次，然后显示训练后的样本网格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the run and save a checkpoint</source>
        <translation>结束训练并保存检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a checkpoint now and keep training</source>
        <translation>立即保存检查点，训练照常进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show real training images of the chosen dataset</source>
        <translation>显示所选数据集中的真实训练图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk through one training step in five phases, each explained</source>
        <translation>分五个阶段逐步演示一个训练步，每个阶段都有讲解</translation>
    </message>
</context>
<context>
    <name>TrainingConfig</name>
    <message>
        <location filename="../../training/engine/configfields.cpp" line="+65"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+38"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Optimisers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tricks</source>
        <translation>训练技巧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality score</source>
        <translation>质量分数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fashion-mnist, mnist, cifar10, or a folder holding IDX files, CIFAR-10 batches or PNG/JPEG images (searched recursively).</source>
        <translation>fashion-mnist、mnist、cifar10，或一个存放 IDX 文件、CIFAR-10 批次文件或 PNG/JPEG 图像的文件夹（会递归搜索子文件夹）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must name a dataset or a folder</source>
        <translation>必须指定一个数据集或文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where named datasets are looked for first (empty: the standard folders).</source>
        <translation>按名称指定的数据集先在这里查找（留空：使用标准文件夹）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Limit</source>
        <translation>图像数量上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on only the first K images (-1: all of them).</source>
        <translation>只用前 K 张图像训练（-1：全部图像）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders only: pictures are centre-cropped to a square and resized to this side.</source>
        <translation>仅用于图片文件夹：图片先从中心裁成正方形，再缩放到这个边长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the side of image-folder pictures after resizing</source>
        <translation>图片文件夹中的图片缩放后的边长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image channels</source>
        <translation>图像通道数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders only: 1 grey, 3 colour, 0 grey only if every picture is grey.</source>
        <translation>仅用于图片文件夹：1 为灰度，3 为彩色，0 为自动（只有所有图片都是灰度图时才用灰度）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 grey, 3 colour, 0 grey if every image is grey</source>
        <translation>1 为灰度，3 为彩色，0 表示所有图片都是灰度时用灰度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mlp is the seed&apos;s fully connected pair; dcgan is convolutional.</source>
        <translation>mlp 是 seed 原有的一对全连接网络；dcgan 是卷积网络。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latent size</source>
        <translation>潜向量维度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the noise vector the generator turns into an image.</source>
        <translation>噪声向量的长度，生成器把这个向量变成一张图像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The adversarial objective; D always outputs logits.</source>
        <translation>对抗训练的目标函数；D 的输出总是 logit（未经 sigmoid 的分数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GP weight</source>
        <translation>梯度惩罚权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of WGAN-GP&apos;s gradient penalty (used with wgan-gp only).</source>
        <translation>WGAN-GP 中梯度惩罚的权重（仅用于 wgan-gp）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Learning rate G</source>
        <translation>G 的学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam step size of the generator; takes effect at the next step.</source>
        <translation>生成器 Adam 优化器的步长；从下一步起生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate D</source>
        <translation>D 的学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam step size of the discriminator; takes effect at the next step.</source>
        <translation>判别器 Adam 优化器的步长；从下一步起生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beta1 G</source>
        <translation>G 的 Beta1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s momentum of the generator (0.5 is common for GANs).</source>
        <translation>生成器 Adam 优化器的动量系数（GAN 常用 0.5）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beta2 G</source>
        <translation>G 的 Beta2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s second-moment decay of the generator.</source>
        <translation>生成器 Adam 优化器的二阶矩衰减率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beta1 D</source>
        <translation>D 的 Beta1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s momentum of the discriminator.</source>
        <translation>判别器 Adam 优化器的动量系数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beta2 D</source>
        <translation>D 的 Beta2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s second-moment decay of the discriminator.</source>
        <translation>判别器 Adam 优化器的二阶矩衰减率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LR decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none, linear (to zero at the last epoch) or exponential per epoch.</source>
        <translation>none（不衰减）、linear（线性衰减，到最后一轮降为零）或 exponential（每轮按指数衰减）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decay factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-epoch factor of exponential decay.</source>
        <translation>指数衰减时学习率每轮乘以的系数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>D steps per G</source>
        <translation>D 与 G 步数比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discriminator updates per generator update (5 is usual for WGAN).</source>
        <translation>生成器每更新一次，判别器更新几次（WGAN 通常取 5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real targets become 1 minus this (one-sided; bce and lsgan).</source>
        <translation>真实图像的目标值变为 1 减去此值（单侧平滑；用于 bce 和 lsgan）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label flipping</source>
        <translation>标签翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chance that a sample&apos;s real/fake label is swapped for D (bce and lsgan).</source>
        <translation>训练 D 时，每个样本的真/假标签被对调的概率（用于 bce 和 lsgan）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instance noise</source>
        <translation>实例噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Std dev of Gaussian noise added to every image D sees.</source>
        <translation>加在 D 所见的每张图像上的高斯噪声的标准差。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Noise anneal epochs</source>
        <translation>噪声退火轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The noise falls linearly to zero over this many epochs (0: constant).</source>
        <translation>噪声在这么多轮内线性降到零（0：保持不变）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the dataset (when resuming: the new total).</source>
        <translation>遍历数据集的次数（继续训练时：新的总轮数）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per step (the last partial batch of an epoch is dropped).</source>
        <translation>每步使用的图像数（每轮末尾凑不满一批的图像会被舍弃）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixes weights, shuffling and noise: the same seed gives the same run.</source>
        <translation>决定初始权重、数据打乱的顺序和噪声：随机种子相同，训练过程就相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cpu, or cuda (cuda:N for GPU N) with a CUDA build of libtorch.</source>
        <translation>cpu；或 cuda（cuda:N 表示第 N 块 GPU），需要支持 CUDA 的 libtorch 版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be cpu, cuda or cuda:N</source>
        <translation>必须是 cpu、cuda 或 cuda:N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The arithmetic of the matrix products: auto (TF32 on a GPU; bf16 on CPUs where it is faster: AMX, or AVX512-BF16 on AMD; fp32 on other CPUs), fp32, tf32 (GPUs from Ampere on) or bf16 (GPUs, and CPUs with AVX512-BF16 or AMX; slower than fp32 on Intel CPUs without AMX). Weights and checkpoints stay float32.</source>
        <translation>矩阵乘法使用的数值格式：auto（GPU 上用 TF32；在 bf16 更快的 CPU 上用 bf16：带 AMX 的 CPU，或支持 AVX512-BF16 的 AMD CPU；其他 CPU 上用 fp32）、fp32、tf32（Ampere 及更新的 GPU）或 bf16（GPU，以及支持 AVX512-BF16 或 AMX 的 CPU；在没有 AMX 的 Intel CPU 上比 fp32 慢）。权重和检查点始终保存为 float32。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads for the maths (0: all cores).</source>
        <translation>用于计算的 CPU 线程数（0：使用全部核心）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 = all cores</source>
        <translation>0 = 使用全部核心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a checkpoint every N epochs (0: only at the end).</source>
        <translation>每 N 轮保存一次检查点（0：只在结束时保存）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 = only at the end</source>
        <translation>0 = 只在最后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log every</source>
        <translation>记录间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per plotted point and metrics.csv row.</source>
        <translation>每隔多少步在曲线上画一个点、在 metrics.csv 中写一行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On divergence</source>
        <translation>发散时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When a loss becomes inf/NaN or explodes: rollback (to the last healthy epoch, learning rates halved), stop or pause.</source>
        <translation>损失变成 inf/NaN 或急剧增大时如何处理：rollback（回退到最近正常的那一轮，学习率减半）、stop（停止）或 pause（暂停）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Score every</source>
        <translation>评分间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure FD, KID, precision and recall every N epochs (0: never); written to quality.csv.</source>
        <translation>每 N 轮测量一次 FD、KID、精确率和召回率（0：从不测量），结果写入 quality.csv。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 = never</source>
        <translation>0 = 从不</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score samples</source>
        <translation>评分样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated images per score: more is steadier and slower (papers use 10000).</source>
        <translation>每次评分所用的生成图像数：越多结果越稳定，但也越慢（论文中通常用 10000）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feature network</source>
        <translation>特征网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TorchScript file mapping images to features (empty: GANvas&apos;s own classifier for the dataset).</source>
        <translation>把图像映射为特征的 TorchScript 文件（留空：使用 GANvas 为该数据集自带的分类器）。</translation>
    </message>
</context>
<context>
    <name>TrainingStatus</name>
    <message>
        <location filename="../../app/windows/trainingstatus.cpp" line="+35"/>
        <source>The latest D loss, G loss, and D&apos;s mean output on real images, D(x), and on generated ones, D(G(z)).</source>
        <translation>最近一次的 D 损失、G 损失，以及 D 对真实图像的平均输出 D(x) 和对生成图像的平均输出 D(G(z))。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>epoch –</source>
        <translation>第 – 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step –</source>
        <translation>第 – 步</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>D %1 · G %2 · D(x) %3 · D(G(z)) %4</source>
        <translation>D %1 · G %2 · D(x) %3 · D(G(z)) %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoch %1/%2</source>
        <translation>第 %1/%2 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n 个进程</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 img/s · %2, %3, one CUDA graph per step · %4</source>
        <translation>%1 张图/秒 · %2，%3，每步一个 CUDA 图 · %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 img/s · %2, %3 · %4</source>
        <translation>%1 张图/秒 · %2，%3 · %4</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 img/s · %2, %3 · threads: %n · %4</source>
        <translation>
            <numerusform>%1 张图/秒 · %2，%3 · %n 个线程 · %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>elapsed %1</source>
        <translation>已用时 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ETA –</source>
        <translation>预计剩余 –</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FD %1</source>
        <translation>FD %1</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <location filename="../../app/support/language.cpp" line="+131"/>
        <source>%1 %2</source>
        <extracomment>Two sentences one after the other; in Chinese without a space between them.</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <extracomment>What separates the items of a list in running text (Chinese: 、).</extracomment>
        <translation>、</translation>
    </message>
</context>
</TS>
