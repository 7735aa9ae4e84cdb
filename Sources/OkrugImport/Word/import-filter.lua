--[[
import.lua — pandoc Lua filter for `okrug import-doc` (docx / odt → Markdown).

Target: CommonMark as rendered by libcmark (+ GitHub-style pipe tables),
with NO raw HTML in the output. Written for pandoc 3.9 (Lua 5.4); uses only
pandoc's built-in modules (pandoc, pandoc.utils, pandoc.json, pandoc.zip).

Command (DocumentConversion.swift runs it; for .odt --from=odt):
  pandoc --sandbox --from=docx+styles --to=commonmark+pipe_tables-raw_html \
         --wrap=none --extract-media=DIR -M media_dir=DIR \
         -M notes_anchor=primechaniia --lua-filter=import.lua IN.docx
  +styles is needed only to nest items styled "List Bullet 2" etc. (below);
  the filter removes the custom-style wrappers it adds.

Metadata read from -M:
  file_links    "text": a link to a file keeps only its words (the online
                copy of an attachment); else it is reported (okrug-link).
  notes_anchor  target of the footnote links "[N](#ANCHOR)" (default
                "primechaniia"); the caller must give the «Примечания»
                heading that id.
  media_dir     the same DIR as --extract-media. pandoc rewrites image paths
                to DIR/media/imageN.ext only AFTER filters have run, so the
                filter needs DIR to print the path as it appears in the output.

Lines written to stderr (one per line, UTF-8):
  okrug-link: N TARGET   a link to a file (no scheme, a drive letter or file:),
                         written into the text as okrug-file:N
  okrug-warning: table N: merged cells        (N = 1-based table number)
  okrug-warning: table N: nested table        (a table in a cell, flattened)
  okrug-warning: table N: list in cell        (a list in a cell, flattened)
  okrug-warning: image FILE: no alt text
  okrug-warning: image FILE: format not shown by browsers   (emf/wmf/tiff…)
  okrug-meta: {JSON}   title/author from the file's properties (pandoc's
                       readers ignore docProps/core.xml and meta.xml), else the
                       title from a leading level-1 heading; see
                       read_properties / collect_meta / headings_pass.
pandoc's own messages start with "[WARNING]" and can be ignored or logged.
]]

local stringify = pandoc.utils.stringify
local file_links = 0
local file_links_as_text = false

local function warn(msg)
  io.stderr:write('okrug-warning: ', msg, '\n')
end

local function meta_string(meta, key, default)
  local v = meta[key]
  if v == nil then return default end
  local s = stringify(v)
  if s == '' then return default end
  return s
end

---------------------------------------------------------------------------
-- Inline helpers
---------------------------------------------------------------------------

-- Turn SoftBreak/LineBreak into Space, merge runs of Space and trim both
-- ends. Used wherever content must fit on one line (table cells, notes).
local function one_line(inlines)
  local out = pandoc.Inlines{}
  for _, el in ipairs(inlines) do
    local t = el.t
    if t == 'SoftBreak' or t == 'LineBreak' then
      el = pandoc.Space()
      t = 'Space'
    end
    if t == 'Space' then
      if #out > 0 and out[#out].t ~= 'Space' then out:insert(el) end
    else
      out:insert(el)
    end
  end
  while #out > 0 and out[#out].t == 'Space' do out:remove(#out) end
  -- Breaks nested inside Emph/Strong/Link etc. must go too (a LineBreak
  -- inside a pipe-table cell would end the row).
  return out:walk{
    SoftBreak = function() return pandoc.Space() end,
    LineBreak = function() return pandoc.Space() end,
  }
end

-- Last UTF-8 character of a string (for the punctuation test below).
local function last_char(s)
  return s:match('[%z\1-\127\194-\244][\128-\191]*$') or ''
end

local ENDS_WITH_PUNCT = {
  ['.'] = true, [','] = true, [';'] = true, [':'] = true, ['!'] = true,
  ['?'] = true, ['…'] = true, ['—'] = true, ['–'] = true,
}

-- Join several one-line pieces into one line. Paragraphs of a cell become
-- "первый; второй"; if a piece already ends with punctuation only a space is
-- added ("Итоги. Далее"), which reads better in Russian than " ; ".
local function join_pieces(pieces)
  local out = pandoc.Inlines{}
  for _, piece in ipairs(pieces) do
    if #piece > 0 then
      if #out > 0 then
        if not ENDS_WITH_PUNCT[last_char(stringify(out))] then
          out:insert(pandoc.Str(';'))
        end
        out:insert(pandoc.Space())
      end
      out:extend(piece)
    end
  end
  return out
end

-- A table's rows in reading order: head, each body's head and rows, foot.
local function table_rows(tbl)
  local rows = {}
  for _, r in ipairs(tbl.head.rows) do table.insert(rows, r) end
  for _, body in ipairs(tbl.bodies) do
    for _, r in ipairs(body.head) do table.insert(rows, r) end
    for _, r in ipairs(body.body) do table.insert(rows, r) end
  end
  for _, r in ipairs(tbl.foot.rows) do table.insert(rows, r) end
  return rows
end

-- Flatten a list of blocks (cell contents, note contents) into pieces of
-- one-line inlines. Every block kind is handled so that nothing is lost.
local function blocks_to_pieces(blocks, pieces)
  pieces = pieces or {}
  for _, b in ipairs(blocks) do
    local t = b.t
    if t == 'Para' or t == 'Plain' or t == 'Header' then
      table.insert(pieces, one_line(b.content))
    elseif t == 'LineBlock' then
      local line = pandoc.Inlines{}
      for i, l in ipairs(b.content) do
        if i > 1 then line:insert(pandoc.Space()) end
        line:extend(l)
      end
      table.insert(pieces, one_line(line))
    elseif t == 'CodeBlock' then
      table.insert(pieces, pandoc.Inlines{pandoc.Code((b.text:gsub('%s+', ' ')))})
    elseif t == 'BulletList' or t == 'OrderedList' then
      for _, item in ipairs(b.content) do
        table.insert(pieces, join_pieces(blocks_to_pieces(item)))
      end
    elseif t == 'DefinitionList' then
      for _, item in ipairs(b.content) do
        local term, defs = item[1], item[2]
        local p = {one_line(term)}
        for _, d in ipairs(defs) do blocks_to_pieces(d, p) end
        table.insert(pieces, join_pieces(p))
      end
    elseif t == 'BlockQuote' or t == 'Div' then
      blocks_to_pieces(b.content, pieces)
    elseif t == 'Figure' then
      blocks_to_pieces(b.content, pieces)
      blocks_to_pieces(b.caption.long, pieces)
    elseif t == 'Table' then
      -- A table nested in a cell: its cells become plain text pieces.
      for _, r in ipairs(table_rows(b)) do
        for _, c in ipairs(r.cells) do blocks_to_pieces(c.contents, pieces) end
      end
    end
    -- HorizontalRule, RawBlock: nothing to keep.
  end
  return pieces
end

local function blocks_to_line(blocks)
  return join_pieces(blocks_to_pieces(blocks))
end

---------------------------------------------------------------------------
-- Pass 1: remove everything the CommonMark writer would turn into HTML
---------------------------------------------------------------------------

local function unwrap(el) return el.content end

-- Superscript/subscript: "м²", "H₂O" keep their meaning as Unicode
-- characters (pandoc's own writer does the same). If a character has no
-- Unicode form (letters other than n/i), the text is simply unwrapped.
local SUPER = {
  ['0'] = '⁰', ['1'] = '¹', ['2'] = '²', ['3'] = '³', ['4'] = '⁴',
  ['5'] = '⁵', ['6'] = '⁶', ['7'] = '⁷', ['8'] = '⁸', ['9'] = '⁹',
  ['+'] = '⁺', ['-'] = '⁻', ['−'] = '⁻', ['='] = '⁼', ['('] = '⁽',
  [')'] = '⁾', ['n'] = 'ⁿ', ['i'] = 'ⁱ',
}
local SUB = {
  ['0'] = '₀', ['1'] = '₁', ['2'] = '₂', ['3'] = '₃', ['4'] = '₄',
  ['5'] = '₅', ['6'] = '₆', ['7'] = '₇', ['8'] = '₈', ['9'] = '₉',
  ['+'] = '₊', ['-'] = '₋', ['−'] = '₋', ['='] = '₌', ['('] = '₍',
  [')'] = '₎',
}
local function to_script(el, map)
  local text = stringify(el.content)
  local out = {}
  for _, cp in utf8.codes(text) do
    local ch = map[utf8.char(cp)]
    if not ch then return el.content end
    table.insert(out, ch)
  end
  if #out == 0 then return el.content end
  return pandoc.Str(table.concat(out))
end

-- Lists. pandoc nests docx list items only by numbering level (w:ilvl), as
-- Word does when you press Tab. Items styled "List Bullet 2"/"List Number 3"
-- (own numbering, level 0) come out as separate flat lists, and the writer
-- separates adjacent lists with a "&nbsp;" paragraph. With --from=docx+styles
-- each item carries its style name in a custom-style Div, so we can nest
-- those items under the previous one and merge the adjacent lists.
local function item_level(item)
  local first = item[1]
  if first and first.t == 'Div' then
    local style = first.attributes['custom-style'] or ''
    local n = style:match('^List Bullet (%d)$') or style:match('^List Number (%d)$')
           or style:match('^List Continue (%d)$') or style:match('^List (%d)$')
    if n then return tonumber(n) end
  end
  return 1
end

local function is_list(b) return b.t == 'BulletList' or b.t == 'OrderedList' end

-- Item contents without the custom-style Divs (cleanup would remove
-- them anyway; tighten() must see the paragraphs).
local function undiv(blocks)
  local out = pandoc.Blocks{}
  for _, b in ipairs(blocks) do
    if b.t == 'Div' then out:extend(undiv(b.content)) else out:insert(b) end
  end
  return out
end

-- Word list items are single paragraphs, but pandoc reads them as Para,
-- which makes every list "loose" (blank lines, <p> inside <li>). An item
-- with only one paragraph (plus sub-lists) becomes Plain → a tight list.
local function tighten(item)
  local paras = 0
  for _, b in ipairs(item) do if b.t == 'Para' then paras = paras + 1 end end
  if paras ~= 1 then return item end
  return item:map(function(b)
    if b.t == 'Para' then return pandoc.Plain(b.content) end
    return b
  end)
end

-- entries: {kind, attrs, level, blocks}; returns Blocks for one level.
local function build_lists(entries, i, level)
  local out, cur = pandoc.Blocks{}, nil
  local function flush()
    if cur then
      if cur.kind == 'BulletList' then
        out:insert(pandoc.BulletList(cur.items))
      else
        out:insert(pandoc.OrderedList(cur.items, cur.attrs))
      end
      cur = nil
    end
  end
  while i <= #entries do
    local e = entries[i]
    if e.level < level then break end
    if e.level > level then
      local sub
      sub, i = build_lists(entries, i, level + 1)
      if cur then
        local last = cur.items[#cur.items]
        for _, b in ipairs(sub) do last:insert(b) end
      else
        flush(); out:extend(sub)
      end
    else
      -- A new list starts when the kind changes or when an ordered list
      -- restarts at its first number (two separate numbered lists).
      local restart = e.kind == 'OrderedList' and e.first_of_list and cur
                      and cur.kind == 'OrderedList'
                      and e.attrs.start <= (cur.attrs.start or 1)
      if not cur or cur.kind ~= e.kind or restart then
        local delim = e.attrs and e.attrs.delimiter
        if restart then
          -- CommonMark only starts a new ordered list on a new delimiter;
          -- otherwise the writer would put "&nbsp;" between the two lists.
          delim = (cur.attrs.delimiter == 'OneParen') and 'Period' or 'OneParen'
        end
        flush()
        -- An empty Plain between two lists renders as nothing but stops
        -- the writer from inserting its "&nbsp;" separator paragraph.
        if restart then out:insert(pandoc.Plain{}) end
        cur = {kind = e.kind, items = {},
               attrs = e.attrs and pandoc.ListAttributes(e.attrs.start,
                         e.attrs.style, delim)}
      end
      table.insert(cur.items, tighten(undiv(e.blocks)))
      i = i + 1
    end
  end
  flush()
  return out, i
end

local function normalize_lists(blocks)
  local out, run = pandoc.Blocks{}, {}
  local function flush_run()
    if #run == 0 then return end
    local entries = {}
    for _, list in ipairs(run) do
      for k, item in ipairs(list.content) do
        table.insert(entries, {
          kind = list.t, level = item_level(item), blocks = item,
          first_of_list = (k == 1),
          attrs = list.t == 'OrderedList' and list.listAttributes or nil,
        })
      end
    end
    out:extend((build_lists(entries, 1, 1)))
    run = {}
  end
  for _, b in ipairs(blocks) do
    if is_list(b) then table.insert(run, b) else flush_run(); out:insert(b) end
  end
  flush_run()
  return out
end

local cleanup = {
  -- No CommonMark syntax for these: with raw_html they become <u>, <sup>,
  -- <sub>, <span class="smallcaps">, <del>/<s>; without it pandoc silently
  -- rewrites some (H₂O) but not all, so unwrap them uniformly.
  Underline = unwrap,
  Superscript = function(el) return to_script(el, SUPER) end,
  Subscript = function(el) return to_script(el, SUB) end,
  SmallCaps = unwrap,
  Strikeout = unwrap,
  Span = unwrap,       -- bookmarks, comments anchors, custom styles
  Cite = unwrap,
  Div = unwrap,        -- custom-style divs, ODT sections
  RawInline = function() return {} end,
  RawBlock = function() return {} end,

  -- The writer renders Quoted as English curly quotes (“…”, ‘…’).
  -- Russian typography wants «ёлочки» and „лапки“ for inner quotes.
  Quoted = function(el)
    local open, close = '«', '»'
    if el.quotetype == 'SingleQuote' then open, close = '„', '“' end
    local out = pandoc.Inlines{pandoc.Str(open)}
    out:extend(el.content)
    out:insert(pandoc.Str(close))
    return out
  end,

  -- Without tex_math_* the writer prints formulas as pseudo-Unicode with
  -- emphasis markers ("*m**c*²"), which libcmark mis-parses. Keep the TeX
  -- source as inline code: exact and harmless.
  Math = function(el) return pandoc.Code(el.text) end,

  -- Figure (image + "Caption"-styled paragraph in Word): the writer has no
  -- figure syntax. Keep the image paragraph, then the caption as a normal
  -- paragraph. An image without alt text takes the caption as alt text.
  Figure = function(el)
    local caption = one_line(pandoc.utils.blocks_to_inlines(el.caption.long))
    local blocks = el.content:walk{
      Image = function(img)
        if #img.caption == 0 and #caption > 0 then
          img.caption = caption:clone()
        end
        return img
      end,
    }
    if #caption > 0 then blocks:insert(pandoc.Para(caption)) end
    return blocks
  end,

  -- Definition lists (Word "Definition" styles) have no CommonMark syntax:
  -- bold term paragraph followed by the definition blocks.
  DefinitionList = function(el)
    local out = pandoc.Blocks{}
    for _, item in ipairs(el.content) do
      out:insert(pandoc.Para{pandoc.Strong(item[1])})
      for _, def in ipairs(item[2]) do out:extend(def) end
    end
    return out
  end,

  -- Links to internal bookmarks (#_Toc…, cross references) point nowhere in
  -- the generated page: keep the text only. External links stay.
  Link = function(el)
    if el.target:sub(1, 1) == '#' then return el.content end
    el.attr = pandoc.Attr()
    -- A link to a file (beside the document, or file:///C:/… on the author's
    -- computer): okrug finds the file and puts its own name in place of
    -- okrug-file:N, or warns.
    local t = el.target
    local scheme = t:match('^(%a[%w+.-]*):')
    if scheme == nil or #scheme == 1 or scheme:lower() == 'file' then
      -- «Читать онлайн» has no files of its own: the words stay, the link goes.
      if file_links_as_text then return el.content end
      file_links = file_links + 1
      io.stderr:write('okrug-link: ', file_links, ' ', t, '\n')
      el.target = 'okrug-file:' .. file_links
    end
    return el
  end,

  -- Word often has empty heading paragraphs; they would become a bare "#".
  Header = function(el)
    if stringify(el.content):match('^%s*$') then return {} end
    el.attr = pandoc.Attr()
    return el
  end,
}

---------------------------------------------------------------------------
-- Pass 2: images
---------------------------------------------------------------------------

local UNSHOWABLE = { emf = true, wmf = true, tif = true, tiff = true, pict = true }

local function image_pass(doc, props)
  local media_dir = meta_string(doc.meta, 'media_dir', nil)
  -- "dir/" and "dir" give the same output path ("dir/media/image1.png").
  if media_dir and #media_dir > 1 then media_dir = media_dir:gsub('/+$', '') end
  return doc:walk{
    Image = function(img)
      -- width/height attributes would force an HTML <img> in the output.
      img.attr = pandoc.Attr()
      -- The path as it will be written: pandoc prefixes DIR only to files
      -- it extracts, i.e. those in the media bag.
      local shown = img.src
      if media_dir and pandoc.mediabag.lookup(img.src) then
        shown = media_dir .. '/' .. img.src
      end
      if props.odt then
        img.title = ''   -- a slug of svg:title, not a real title (see above)
        local alt = props.odt_alt[img.src]
        if alt and #img.caption == 0 then img.caption = pandoc.Inlines(alt) end
      end
      img.caption = one_line(img.caption)
      if stringify(img.caption):match('^%s*$') then
        img.caption = pandoc.Inlines{}
        warn('image ' .. shown .. ': no alt text')
      end
      local ext = (img.src:match('%.([%w]+)$') or ''):lower()
      if UNSHOWABLE[ext] then
        warn('image ' .. shown .. ': format not shown by browsers')
      end
      return img
    end,
  }
end

---------------------------------------------------------------------------
-- Pass 3: footnotes → "[N]" links + «Примечания» list at the end
---------------------------------------------------------------------------

local function notes_pass(doc)
  local anchor = meta_string(doc.meta, 'notes_anchor', 'primechaniia')
  local notes = {}
  doc = doc:walk{
    Note = function(note)
      table.insert(notes, blocks_to_line(note.content))
      local n = #notes
      return pandoc.Link({pandoc.Str('[' .. n .. ']')}, '#' .. anchor)
    end,
  }
  if #notes > 0 then
    local items = {}
    for _, inl in ipairs(notes) do table.insert(items, {pandoc.Plain(inl)}) end
    doc.blocks:insert(pandoc.Header(2, 'Примечания'))
    doc.blocks:insert(pandoc.OrderedList(items, pandoc.ListAttributes(1, 'Decimal', 'Period')))
  end
  return doc
end

---------------------------------------------------------------------------
-- Pass 4: tables → pipe tables
---------------------------------------------------------------------------

local function empty_cell()
  return pandoc.Cell({}, 'AlignDefault', 1, 1)
end

-- Expand row/col spans into a rectangular grid of single cells. The text
-- stays in the top-left cell of a merged area, the others are left empty.
-- Returns the grid and whether any span was seen.
local function to_grid(rows, ncols)
  local grid, pending, merged = {}, {}, false   -- pending[col] = rows left
  for _, row in ipairs(rows) do
    local out, col = {}, 1
    local function skip_spanned()
      while (pending[col] or 0) > 0 do
        out[col] = empty_cell()
        pending[col] = pending[col] - 1
        col = col + 1
      end
    end
    for _, cell in ipairs(row.cells) do
      skip_spanned()
      local rs, cs = cell.row_span or 1, cell.col_span or 1
      if rs > 1 or cs > 1 then merged = true end
      out[col] = pandoc.Cell({pandoc.Plain(blocks_to_line(cell.contents))},
                             'AlignDefault', 1, 1)
      for k = 0, cs - 1 do
        if k > 0 then out[col + k] = empty_cell() end
        if rs > 1 then pending[col + k] = rs - 1 end
      end
      col = col + cs
    end
    skip_spanned()
    -- Columns still covered by a row span at the end of the row.
    for c, left in pairs(pending) do
      if c >= col and left > 0 and out[c] == nil then
        out[c] = empty_cell(); pending[c] = left - 1
      end
    end
    local width = 0
    for c in pairs(out) do if c > width then width = c end end
    if width > ncols then ncols = width end
    table.insert(grid, out)
  end
  -- Pad every row to the same width (pipe tables need a rectangle).
  local result = {}
  for _, out in ipairs(grid) do
    local cells = {}
    for c = 1, ncols do cells[c] = out[c] or empty_cell() end
    table.insert(result, pandoc.Row(cells))
  end
  return result, merged, ncols
end

local function convert_table(tbl, number)
  -- All rows in reading order: pipe tables have one header row and one body.
  local rows = table_rows(tbl)

  -- A pipe-table cell holds one line: a table or a list inside a cell is flattened
  -- to text (blocks_to_pieces), and a human should compare it with the document.
  local nested_table, nested_list = false, false
  local function look(blocks)
    for _, b in ipairs(blocks) do
      if b.t == 'Table' then nested_table = true
      elseif b.t == 'BulletList' or b.t == 'OrderedList' then nested_list = true
      elseif b.t == 'Div' or b.t == 'BlockQuote' then look(b.content) end
    end
  end
  for _, r in ipairs(rows) do
    for _, c in ipairs(r.cells) do look(c.contents) end
  end
  if nested_table then warn('table ' .. number .. ': nested table') end
  if nested_list then warn('table ' .. number .. ': list in cell') end

  local grid, merged, ncols = to_grid(rows, #tbl.colspecs)
  if merged then warn('table ' .. number .. ': merged cells') end

  -- Column alignment is the only alignment pipe tables have; pandoc's docx
  -- reader derives it from the cells' paragraph alignment. Widths are
  -- dropped: relative widths are meaningless in Markdown.
  local colspecs = {}
  for c = 1, ncols do
    local spec = tbl.colspecs[c]
    colspecs[c] = {spec and spec[1] or 'AlignDefault', nil}
  end

  -- A pipe table must have a header row; if the document marked none,
  -- the first row becomes the header (it usually is one in school docs).
  local head_row = table.remove(grid, 1) or pandoc.Row({})
  -- A header cell written all in bold is bold because it is a header: <th>
  -- is bold already, and "**Время**" in every cell is noise to edit.
  for _, cell in ipairs(head_row.cells) do
    local blocks = cell.contents
    if #blocks == 1 and #blocks[1].content == 1 and blocks[1].content[1].t == 'Strong' then
      blocks[1].content = blocks[1].content[1].content
    end
  end
  local body = {
    attr = pandoc.Attr(), body = grid, head = {}, row_head_columns = 0,
  }
  local new = pandoc.Table(pandoc.Caption(), colspecs,
                           pandoc.TableHead({head_row}), {body},
                           pandoc.TableFoot(), pandoc.Attr())

  -- The writer would print a caption as HTML or drop it: put it in a
  -- paragraph of its own just before the table.
  local caption = blocks_to_line(tbl.caption.long)
  if #caption > 0 then
    return {pandoc.Para(caption), new}
  end
  return new
end

local function tables_pass(doc)
  local count = 0
  return doc:walk{
    traverse = 'topdown',
    Table = function(tbl)
      count = count + 1
      -- false: do not descend; nested tables were flattened into text.
      return convert_table(tbl, count), false
    end,
  }
end

---------------------------------------------------------------------------
-- Document properties for the caller (title, author) → "okrug-meta:" line
---------------------------------------------------------------------------

local function xml_unescape(s)
  s = s:gsub('&#x(%x+);', function(h) return utf8.char(tonumber(h, 16)) end)
  s = s:gsub('&#(%d+);', function(d) return utf8.char(tonumber(d)) end)
  s = s:gsub('&lt;', '<'):gsub('&gt;', '>'):gsub('&quot;', '"'):gsub('&apos;', "'")
  return (s:gsub('&amp;', '&'))
end

local function xml_field(xml, tag)
  local v = xml:match('<' .. tag .. '[^>]*>(.-)</' .. tag .. '>')
  if v then
    v = xml_unescape(v):gsub('%s+', ' '):gsub('^ ', ''):gsub(' $', '')
    if v ~= '' then return v end
  end
  return nil
end

-- pandoc's docx/odt readers do not read docProps/core.xml or meta.xml
-- (only "Title"/"Author"-styled paragraphs; jgm/pandoc#3034), so read the
-- properties from the input file ourselves. Any failure just means "none".
local function read_properties()
  local path = PANDOC_STATE.input_files and PANDOC_STATE.input_files[1]
  if not path or path == '-' then return {} end
  local f = io.open(path, 'rb')
  if not f then return {} end
  local data = f:read('a'); f:close()
  local ok, archive = pcall(pandoc.zip.Archive, data)
  if not ok then return {} end
  local props = {}
  for _, entry in ipairs(archive.entries) do
    if entry.path == 'docProps/core.xml' then          -- docx
      local xml = entry:contents()
      props.title = xml_field(xml, 'dc:title')
      props.author = xml_field(xml, 'dc:creator')
    elseif entry.path == 'meta.xml' then               -- odt
      local xml = entry:contents()
      props.title = xml_field(xml, 'dc:title')
      props.author = xml_field(xml, 'meta:initial%-creator')
                     or xml_field(xml, 'dc:creator')
    elseif entry.path == 'content.xml' then            -- odt
      -- pandoc's ODT reader turns the image's svg:title ("Text alternative"
      -- in LibreOffice) into a slug in the image *title* and ignores
      -- svg:desc, so the alt text is lost. Map href → alt text ourselves.
      props.odt = true
      props.odt_alt = {}
      local xml = entry:contents()
      for frame in xml:gmatch('<draw:frame.-</draw:frame>') do
        local href = frame:match('<draw:image[^>]-xlink:href="([^"]+)"')
        local alt = xml_field(frame, 'svg:title') or xml_field(frame, 'svg:desc')
        if href and alt then props.odt_alt[xml_unescape(href)] = alt end
      end
    end
  end
  return props
end

local function collect_meta(doc, props)
  local info = {}
  -- pandoc's own metadata ("Title"/"Author" paragraph styles) wins.
  info.title = meta_string(doc.meta, 'title', props.title)
  local author = doc.meta.author
  if author ~= nil and stringify(author) ~= '' then
    if pandoc.utils.type(author) == 'List' then
      local list = {}
      for _, a in ipairs(author) do table.insert(list, stringify(a)) end
      info.author = table.concat(list, '; ')
    else
      info.author = stringify(author)
    end
  else
    info.author = props.author
  end
  -- First heading (after cleanup) so the caller can use it as a title.
  for _, b in ipairs(doc.blocks) do
    if b.t == 'Header' then
      info.first_heading = {level = b.level, text = stringify(b.content)}
      break
    end
  end
  return info
end

---------------------------------------------------------------------------
-- Headings: the page shows the title as its only h1
---------------------------------------------------------------------------

-- A level-1 heading that opens the document is its title (okrug writes the
-- title as the page's h1): it leaves the body when the document has no title
-- property (it then becomes the title) or when it says the same as the
-- property; a different one stays, as text. If level-1 headings remain,
-- every heading moves one level down so the body's sections start at h2.
local function squeeze(s) return (s:lower():gsub('%s+', ' '):gsub('^ ', ''):gsub(' $', '')) end

local function headings_pass(doc, info)
  local first = doc.blocks[1]
  if first and first.t == 'Header' and first.level == 1 then
    local text = stringify(first.content)
    if info.title == nil or squeeze(info.title) == squeeze(text) then
      info.title = info.title or text
      doc.blocks:remove(1)
    end
  end
  local has_h1 = false
  doc:walk{Header = function(h) if h.level == 1 then has_h1 = true end end}
  if not has_h1 then return doc end
  return doc:walk{Header = function(h) h.level = math.min(h.level + 1, 6); return h end}
end

---------------------------------------------------------------------------

function Pandoc(doc)
  file_links_as_text = meta_string(doc.meta, 'file_links', '') == 'text'
  local props = read_properties()
  -- Lists first: it needs the custom-style Divs that cleanup removes.
  doc = doc:walk{Blocks = normalize_lists}
  doc = doc:walk(cleanup)   -- bottom-up: nested wrappers are unwrapped too
  doc = image_pass(doc, props) -- before notes: warnings in reading order
  local info = collect_meta(doc, props)
  doc = headings_pass(doc, info)  -- before notes: «Примечания» is added at h2
  io.stderr:write('okrug-meta: ', pandoc.json.encode(info), '\n')
  doc = notes_pass(doc)     -- before tables: notes in cells become links
  doc = tables_pass(doc)
  return doc
end
