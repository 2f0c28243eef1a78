"""Accessible names for task-list checkboxes, permalinks and footnote back-links, found by parsing."""

from __future__ import annotations

from guidekit.checks.accessibility import item_label, label_task_checkboxes, titles_to_labels

BOX = ('<label class="task-list-control"><input type="checkbox" disabled/>'
       '<span class="task-list-indicator"></span></label>')


def test_each_checkbox_is_named_by_its_own_item_text_only():
    html = (f'<ul class="task-list"><li class="task-list-item">{BOX} 按时召开<strong>支部委员会</strong>'
            '<sup id="fnref:s1"><a class="footnote-ref" href="#fn:s1">1</a></sup>'
            f'<ul class="task-list"><li class="task-list-item">{BOX} 会前通知</li></ul></li></ul>')
    out = label_task_checkboxes(html)
    assert '<input type="checkbox" disabled="" aria-label="按时召开支部委员会">' in out
    assert '<input type="checkbox" disabled="" aria-label="会前通知">' in out
    assert out.replace(' aria-label="按时召开支部委员会"', "").replace(' aria-label="会前通知"', "") \
        == html.replace(" disabled/>", ' disabled="">')


def test_loose_items_other_attribute_orders_and_escaping():
    html = ('<li class="task-list-item">\n<p><label class="task-list-control">'
            '<input disabled checked type="checkbox"><span></span></label> 写明“三会一课”&amp;记录 "原文"</p>\n</li>'
            f'<li class="task-list-item">{BOX}</li>')
    out = label_task_checkboxes(html)
    assert '<input disabled="" checked="" type="checkbox" aria-label="写明“三会一课”&amp;记录 &quot;原文&quot;">' in out
    assert 'aria-label="清单项"' in out


def test_long_items_are_shortened_and_other_lists_untouched():
    long_text = "很长的事项" * 20
    html = f'<ul><li>普通列表 <input type="checkbox"></li><li class="task-list-item">{BOX}{long_text}</li></ul>'
    out = label_task_checkboxes(html)
    assert out.count("aria-label=") == 1
    assert f'aria-label="{long_text[:59]}…"' in out
    assert item_label('项目<sup id="fnref:1"><a href="#fn:1">1</a></sup> 与 <b>x</b> &amp;') == "项目 与 x &"


def test_permalink_and_backref_titles_become_labels_in_any_attribute_order():
    html = ('<h2 id="a">标题<a class="headerlink" href="#a" title="本节链接">&para;</a></h2>'
            '<a href="#fnref:1" title="返回正文第 1 处引用" class="footnote-backref">&#8617;</a>'
            '<a class="other" title="保留">x</a>'
            '<pre><code>&lt;a class="headerlink" title="x"&gt;</code></pre>')
    out = titles_to_labels(html)
    assert '<a class="headerlink" href="#a" aria-label="本节链接">' in out
    assert '<a href="#fnref:1" class="footnote-backref" aria-label="返回正文第 1 处引用">' in out
    assert '<a class="other" title="保留">' in out and '&lt;a class="headerlink" title="x"&gt;' in out


def test_look_alikes_in_comments_and_code_are_not_touched():
    """The fixes find elements as a browser does: a commented-out or quoted checkbox is no checkbox."""
    html = (f'<!-- <li class="task-list-item">{BOX}</li> --><p><code>&lt;a class="headerlink" title="x"&gt;</code></p>'
            f'<li class="task-list-item">{BOX} 真的</li>')
    out = label_task_checkboxes(html)
    assert out.count("aria-label=") == 1 and 'aria-label="真的"' in out
    assert "<!--" not in out  # comments are not published
