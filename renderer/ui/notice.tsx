// Short messages at the foot of the window (保存成功, 导入完成, errors), shared by every screen.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Tone = 'info' | 'error';
interface Notice {
  id: number;
  text: string;
  tone: Tone;
}

const NoticeContext = createContext<(text: string, tone?: Tone) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const show = useCallback((text: string, tone: Tone = 'info') => {
    const id = Date.now() + Math.random();
    setNotices((current) => [...current.slice(-3), { id, text, tone }]);
    setTimeout(() => setNotices((current) => current.filter((notice) => notice.id !== id)), tone === 'error' ? 8000 : 3500);
  }, []);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="notices" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
