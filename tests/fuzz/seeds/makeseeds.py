#!/usr/bin/python3
"""Writes the seed corpora of tests/fuzz (tests/fuzz/corpus/<target>/): small real files of
every kind each reader takes. Run from anywhere with Debian's python3 (/usr/bin/python3) and
Pillow (python3-pil). The checkpoint
seeds come from makecheckpointseed.cpp (a libtorch program, see its comment)."""
import gzip, io, json, os, struct, sys, tarfile, zlib
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, '..', 'corpus')
ROOT = os.path.join(HERE, '..', '..', '..')


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def pixels(n, seed=1):
    out = bytearray()
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0xffffffff
        out.append(seed >> 16 & 0xff)
    return bytes(out)


def gz(data):
    return gzip.compress(data, 6, mtime=0)


# IDX: mode byte (bit 0 labels, bit 1 .gz name, bit 2 limit 3), then the file.
images = struct.pack('>IIII', 0x803, 3, 28, 28) + pixels(3 * 28 * 28)
small = struct.pack('>IIII', 0x803, 5, 4, 4) + pixels(5 * 16, 7)
labels = struct.pack('>II', 0x801, 6) + bytes([0, 1, 2, 3, 9, 5])
put('idx', 'images-plain', b'\x00' + images)
put('idx', 'images-gz', b'\x02' + gz(images))
put('idx', 'images-small-limit', b'\x04' + small)
put('idx', 'images-magic-gz', b'\x04' + gz(small))
put('idx', 'labels-plain', b'\x01' + labels)
put('idx', 'labels-gz', b'\x03' + gz(labels))


def cifar(records, seed):
    out = b''
    for r in range(records):
        out += bytes([r % 10]) + pixels(3072, seed + r)
    return out


put('cifar', 'batch-2', cifar(2, 3))
put('cifar', 'batch-1', cifar(1, 9))


def tar(entries, mode='w:gz'):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode, format=tarfile.PAX_FORMAT) as t:
        for name, data, kind in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            if kind == 'dir':
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            elif kind == 'sym':
                info.type = tarfile.SYMTYPE
                info.linkname = data
                t.addfile(info)
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


batch = cifar(1, 5)
put('archive', 'cifar-like.tar.gz', tar([('cifar-10-batches-bin/', b'', 'dir'),
                                          ('cifar-10-batches-bin/data_batch_1.bin', batch, 'file'),
                                          ('cifar-10-batches-bin/batches.meta.txt', b'airplane\nautomobile\n', 'file')]))
put('archive', 'plain.tar', tar([('a.txt', b'hello\n', 'file'), ('b/c.bin', pixels(700), 'file')], 'w'))
put('archive', 'dotdot.tar', tar([('ok.txt', b'ok', 'file'), ('../escape.txt', b'no', 'file')], 'w'))
put('archive', 'symlink.tar.gz', tar([('link', '/etc/passwd', 'sym')]))
put('archive', 'bzip2.tar.bz2', tar([('x/y.txt', b'bz' * 50, 'file')], 'w:bz2'))


def img(mode, size, seed=1):
    w, h = size
    bands = {'L': 1, 'RGB': 3, 'RGBA': 4, 'LA': 2, '1': 1, 'P': 1, 'I;16': 2, 'CMYK': 4}[mode]
    if mode == '1':
        return Image.frombytes('L', size, pixels(w * h, seed)).convert('1')
    if mode == 'P':
        return Image.frombytes('RGB', size, pixels(w * h * 3, seed)).convert('P', palette=Image.ADAPTIVE, colors=16)
    return Image.frombytes(mode, size, pixels(w * h * bands, seed))


def save(im, fmt, **kw):
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


put('png', 'grey.png', save(img('L', (8, 8)), 'PNG'))
put('png', 'rgb.png', save(img('RGB', (7, 5)), 'PNG'))
put('png', 'rgba.png', save(img('RGBA', (6, 6)), 'PNG'))
put('png', 'grey-alpha.png', save(img('LA', (5, 4)), 'PNG'))
put('png', 'palette.png', save(img('P', (9, 9)), 'PNG'))
put('png', 'palette-trns.png', save(img('P', (6, 6)), 'PNG', transparency=3))
put('png', 'bilevel.png', save(img('1', (13, 3)), 'PNG'))
put('png', 'grey16.png', save(img('I;16', (4, 4)), 'PNG'))
# Pillow writes no interlaced PNG: one is built by hand (Adam7, filter 0) below.


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)


def png_interlaced(w, h, seed):
    px = pixels(w * h * 3, seed)
    raw = b''
    for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
        cols = range(x0, w, dx)
        if not len(cols):
            continue
        for y in range(y0, h, dy):
            raw += b'\x00' + b''.join(px[(y * w + x) * 3:(y * w + x) * 3 + 3] for x in cols)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 1))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


put('png', 'interlaced.png', png_interlaced(11, 9, 4))

put('jpeg', 'grey.jpg', save(img('L', (16, 16)), 'JPEG', quality=80))
put('jpeg', 'rgb.jpg', save(img('RGB', (24, 16)), 'JPEG', quality=75))
put('jpeg', 'progressive.jpg', save(img('RGB', (17, 9)), 'JPEG', progressive=True))
put('jpeg', 'cmyk.jpg', save(img('CMYK', (8, 8)), 'JPEG'))
put('jpeg', 'subsampled.jpg', save(img('RGB', (33, 65)), 'JPEG', subsampling=2, quality=50))
put('jpeg', 'big-scaled.jpg', save(Image.new('RGB', (256, 128), (10, 200, 30)), 'JPEG'))


def gif(frames, **kw):
    buf = io.BytesIO()
    frames[0].save(buf, 'GIF', save_all=True, append_images=frames[1:], **kw)
    return buf.getvalue()


put('gif', 'one.gif', save(img('P', (8, 8)), 'GIF'))
put('gif', 'loop.gif', gif([img('P', (10, 6), s) for s in (1, 2, 3)], loop=0, duration=100))
put('gif', 'dispose.gif', gif([img('P', (6, 6), s) for s in (4, 5)], disposal=[2, 3], transparency=0, duration=50))
put('gif', 'grey.gif', save(img('L', (5, 7)), 'GIF'))

for name in ('dcgan-cifar10.json', 'quick-demo.json', 'wgan-gp-mnist.json'):
    with open(os.path.join(ROOT, 'resources', 'configs', name), 'rb') as f:
        put('config', name, f.read())
put('config', 'preset.json', b'{"preset": "lsgan", "epochs": 3, "batch_size": 16}')
put('config', 'empty.json', b'{}')

config = json.dumps({"dataset": "fashion-mnist", "epochs": 2, "app_version": "0.1.0"}).encode()
metrics = (b'epoch,step,d_loss,g_loss,d_real,d_fake,images_per_s,lr_g,lr_d,instance_noise,elapsed_s\n'
           b'1,10,1.2,0.8,0.6,0.4,500,0.0002,0.0002,0,1.5\n1,20,1.1,,0.55,0.45,510,0.0002,0.0002,0,3\n')
quality = (b'epoch,step,fd,kid,precision,recall,samples,feature_net\n1,20,35.5,0.02,0.6,0.4,500,classifier-fashion-mnist\n')
events = b'epoch,step,kind,detail\n1,15,divergence,"d_loss 1e9, rolled back"\n'
frame = save(img('L', (8, 8)), 'PNG')
sep = b'\n%%\n'
put('storedrun', 'run-full', sep.join([config, metrics, quality, events, frame, save(img('RGB', (4, 4)), 'PNG')]))
put('storedrun', 'run-config-only', config)
put('storedrun', 'run-no-frames', sep.join([config, metrics]))
