import { QRCodeSVG } from 'qrcode.react';

/**
 * The join link as a QR code (SVG: sharp at any projector size). Default export for `lazy`:
 * the encoder is its own chunk, so the hall's first page does not carry it.
 */
export default function JoinQrCode({ url, label }: { url: string; label: string }) {
  return (
    <QRCodeSVG
      value={url}
      size={320}
      level="M"
      marginSize={2}
      bgColor="#ffffff"
      fgColor="#000000"
      role="img"
      aria-label={label}
      title={label}
    />
  );
}
