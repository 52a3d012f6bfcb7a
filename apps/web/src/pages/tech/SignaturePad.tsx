import { Button, Typography } from 'antd';
import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The resident signs on the technician's phone with a finger: strokes on a canvas, read back as a
 * PNG when the job is completed (null while nothing is drawn). Q40: a signed order needs no on-site
 * acceptance by the butler.
 */
export function SignaturePad({ onChange }: { onChange: (png: (() => Promise<Blob | null>) | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  // The backing store follows the box's size and the screen's pixel ratio, so strokes stay sharp.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#1a1a1a';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    g.beginPath();
    g.moveTo(p.x, p.y);
    g.lineTo(p.x + 0.1, p.y + 0.1);
    g.stroke();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    const p = point(e);
    g.lineTo(p.x, p.y);
    g.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setEmpty(false);
    const c = canvas.current;
    onChange(c ? () => new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/png')) : null);
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(null);
  };

  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 6 }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('jobCard.signature')}
        </Typography.Text>
        <Button size="small" onClick={clear} disabled={empty} data-testid="signature-clear">
          {t('jobCard.signClear')}
        </Button>
      </div>
      <canvas
        ref={canvas}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="signature-pad"
        data-empty={empty}
        style={{
          width: '100%',
          height: 160,
          border: '1px dashed #bfbfbf',
          borderRadius: 8,
          background: '#fff',
          touchAction: 'none',
          display: 'block',
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('jobCard.signHint')}
      </Typography.Text>
    </div>
  );
}
