declare module 'virtual:story' {
  import type { Story } from './story/types';
  const story: Story;
  export default story;
}

declare module 'virtual:palette.css';
