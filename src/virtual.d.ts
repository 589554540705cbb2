declare module 'virtual:story' {
  import type { Story } from './story/types';
  const story: Story;
  export default story;
}
